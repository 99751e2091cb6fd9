package chat.free4.ui.chat;

import chat.free4.chat.ChatMessage;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;

/** A list cell that shows a {@link MessageView} wrapped to the list's width. */
final class ChatMessageCell extends ListCell<ChatMessage> {
    private final Consumer<String> openLink;
    private final Function<ChatMessage, Optional<String>> relayedBy;

    ChatMessageCell(Consumer<String> openLink, Function<ChatMessage, Optional<String>> relayedBy) {
        this.openLink = openLink;
        this.relayedBy = relayedBy;
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add("chat-cell");
    }

    @Override
    protected void updateItem(ChatMessage message, boolean empty) {
        super.updateItem(message, empty);
        if (empty || message == null) {
            setGraphic(null);
            return;
        }
        MessageView view = new MessageView(message, relayedBy.apply(message), openLink);
        if (getListView() != null) {
            view.maxWidthProperty().bind(getListView().widthProperty().subtract(30));
            view.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
        }
        setGraphic(view);
    }
}
