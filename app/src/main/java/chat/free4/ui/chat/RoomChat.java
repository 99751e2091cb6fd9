package chat.free4.ui.chat;

import chat.free4.session.RoomFeatures.RoomData;

/**
 * Everything the voice room view needs for one room's chat, built in one call on the FX thread:
 * put {@link #pane()} beside the participants and {@link #toggle()} in the control bar, and call
 * {@link #dispose()} when leaving the room.
 *
 * <pre>{@code
 * RoomData data = features.start(self);          // before engine.join(...)
 * RoomChat chat = new RoomChat(data, new DesktopChatActions(() -> stage, hostServices::showDocument));
 * roomView.setRight(chat.pane());
 * controlBar.getChildren().add(chat.toggle());
 * }</pre>
 */
public final class RoomChat {
    private final ChatModel chat;
    private final TransfersModel transfers;
    private final ChatPane pane;
    private final ChatToggle toggle;

    public RoomChat(RoomData room, ChatPaneActions actions) {
        EmojiNodes.preload();
        chat = new ChatModel(room.chat());
        transfers = new TransfersModel(room.files());
        pane = new ChatPane(chat, transfers, actions);
        toggle = new ChatToggle(chat);
    }

    public ChatPane pane() {
        return pane;
    }

    public ChatToggle toggle() {
        return toggle;
    }

    public ChatModel model() {
        return chat;
    }

    public void dispose() {
        chat.dispose();
        transfers.dispose();
    }
}
