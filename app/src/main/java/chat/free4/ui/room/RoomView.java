package chat.free4.ui.room;

import chat.free4.ui.i18n.Texts;

import chat.free4.ui.widgets.LevelMeter;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import chat.free4.ui.widgets.Described;
import chat.free4.ui.widgets.Icons;
import chat.free4.ui.chat.ChatModels;
import chat.free4.ui.chat.ChatModel;
import chat.free4.ui.chat.ChatPane;
import chat.free4.ui.room.board.BoardWindow;
import chat.free4.ui.chat.ChatPaneActions;
import chat.free4.ui.chat.ChatToggle;
import chat.free4.ui.chat.DesktopChatActions;
import chat.free4.ui.chat.TransfersModel;
import chat.free4.ui.settings.VoiceMode;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The voice room: who is here and who speaks, your microphone, and the way out. */
public final class RoomView extends BorderPane {
    private final RoomViewModel model;

    private final HBox chatToggleSlot = new HBox();
    private ChatPaneActions chatActions = new DesktopChatActions(() -> getScene() == null ? null : getScene().getWindow(),
            url -> { });
    private ChatModel chat;
    private TransfersModel transfers;

    public RoomView(RoomViewModel model, StringProperty selfName) {
        this.model = model;
        setId("room");
        getStyleClass().add("page");
        setTop(header());
        Node people = participants(selfName);
        VBox.setVgrow(people, Priority.ALWAYS);
        setCenter(new VBox(new chat.free4.ui.room.screen.ScreensPane(model.screenProperty(), peer -> model.participants().stream()
                .filter(p -> p.id().equals(peer.value())).findFirst().map(p -> p.displayNameProperty().get()).orElse("")), people));
        setBottom(controlBar());
        model.chatProperty().addListener((obs, old, now) -> showChat(now));
        // Built lazily, possibly after the room's data arrived: show its chat now.
        showChat(model.chatProperty().get());
    }

    /** How chat links open and files are chosen (the app passes its host services). */
    public void setChatActions(ChatPaneActions actions) {
        if (actions != null) {
            this.chatActions = actions;
        }
    }

    /** The chat pane lives beside the participants while in a room; it is rebuilt for every room. */
    private void showChat(ChatModels models) {
        if (chat != null) {
            chat.dispose();
            transfers.dispose();
            chat = null;
            transfers = null;
        }
        setRight(null);
        chatToggleSlot.getChildren().clear();
        if (models == null) {
            return;
        }
        chat = models.chat();
        transfers = models.transfers();
        ChatPane pane = new ChatPane(chat, transfers, chatActions);
        pane.setPrefWidth(280);
        pane.getStyleClass().add("room-chat");
        BorderPane.setMargin(pane, new Insets(0, 24, 16, 0));
        setRight(pane);
        chatToggleSlot.getChildren().add(new ChatToggle(chat));
    }

    /**
     * Push-to-talk for the whole window: holding the key opens the microphone while in a room,
     * except while typing in a text field. Consumed so it never also presses a focused button.
     */
    public static void installPushToTalk(javafx.scene.Scene scene, RoomViewModel model) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (isPushToTalkKey(model, e, scene)) {
                model.pushToTalkHeldProperty().set(true);
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (isPushToTalkKey(model, e, scene)) {
                model.pushToTalkHeldProperty().set(false);
                e.consume();
            }
        });
        // A key released in another window never reaches us: let go when the window loses focus.
        javafx.beans.value.ChangeListener<Boolean> focus = (obs, was, focused) -> {
            if (!focused) {
                model.pushToTalkHeldProperty().set(false);
            }
        };
        if (scene.getWindow() != null) {
            scene.getWindow().focusedProperty().addListener(focus);
        }
        scene.windowProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.focusedProperty().removeListener(focus);
            }
            if (now != null) {
                now.focusedProperty().addListener(focus);
            }
        });
    }

    private static boolean isPushToTalkKey(RoomViewModel model, KeyEvent e, javafx.scene.Scene scene) {
        return model.activeProperty().get()
                && model.voiceModeProperty().get() == VoiceMode.PUSH_TO_TALK
                && e.getCode().name().equals(model.pushToTalkKeyProperty().get())
                && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl);
    }

    private Node header() {
        Label name = new Label();
        name.setId("room-name");
        name.getStyleClass().add(Styles.TITLE_2);
        name.textProperty().bind(model.roomNameProperty());
        name.setGraphic(Icons.of(Feather.HASH, 22));
        Label kind = new Label();
        kind.getStyleClass().addAll("tag", Styles.TEXT_SMALL);
        kind.textProperty().bind(model.roomKindProperty());
        Label status = new Label();
        status.setId("room-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        HBox titleLine = new HBox(10, name, kind, PasswordRoomMarker.badge(model.passwordProtectedProperty()));
        titleLine.setAlignment(Pos.CENTER_LEFT);
        titleLine.setMinWidth(0);
        HBox.setHgrow(titleLine, Priority.SOMETIMES);
        Button copyInvite = inviteButton();
        Button leave = new Button(Texts.get("room.leave"), Icons.of(Feather.PHONE_OFF));
        leave.setId("leave-room");
        leave.getStyleClass().addAll(Styles.DANGER, "leave-button");
        leave.setTooltip(new Tooltip(Texts.get("room.leaveTooltip")));
        leave.setOnAction(e -> model.leave());
        // The buttons keep their words; the title's lines wrap or shorten instead.
        copyInvite.setMinWidth(Region.USE_PREF_SIZE);
        leave.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        chatToggleSlot.setAlignment(Pos.CENTER);
        chatToggleSlot.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, titleLine, grow, copyInvite, RobotButton.of(model), chatToggleSlot, leave);
        bar.setAlignment(Pos.CENTER_LEFT);
        // The status gets the page's whole width under the buttons, so it is never cut short.
        VBox title = new VBox(4, bar, status, PasswordRoomMarker.note(model.passwordProtectedProperty()));

        Message error = new Message(Texts.get("room.error"), "");
        error.setId("room-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(Icons.of(Feather.ALERT_CIRCLE));
        error.descriptionProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setOnClose(e -> model.errorProperty().set(""));
        Message drawWord = new Message(Texts.get("room.drawTurn"), "");
        drawWord.setId("room-draw-word");
        drawWord.getStyleClass().add(Styles.ACCENT);
        drawWord.setGraphic(Icons.of(Feather.EDIT_2));
        drawWord.descriptionProperty().bind(Bindings.createStringBinding(() -> Texts.get("room.drawWord", model.drawWordProperty().get()), model.drawWordProperty()));
        drawWord.visibleProperty().bind(model.drawWordProperty().isNotEmpty());
        drawWord.managedProperty().bind(drawWord.visibleProperty());
        drawWord.setOnClose(e -> model.drawWordProperty().set(""));
        // Joins, leaves and who starts speaking, said to a screen reader (decision 0030).
        RoomAnnouncer announcer = new RoomAnnouncer(model.participants(), model.activeProperty(), System::currentTimeMillis);
        VBox top = new VBox(14, title, error, drawWord, announcer.node());
        top.setPadding(new Insets(28, 32, 16, 32));
        return top;
    }

    /** Puts the room's invite link on the clipboard, as text; shown while the room has one. */
    private Button inviteButton() {
        Button copy = new Button(Texts.get("room.copyInvite"), Icons.of(Feather.LINK));
        copy.setId("copy-invite");
        copy.setTooltip(new Tooltip(Texts.get("room.copyInviteTooltip")));
        copy.visibleProperty().bind(model.inviteProperty().isNotNull());
        copy.managedProperty().bind(copy.visibleProperty());
        model.inviteProperty().addListener((obs, old, now) -> copy.setText(Texts.get("room.copyInvite")));
        copy.setOnAction(e -> {
            if (model.inviteProperty().get() == null) {
                return;
            }
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(model.inviteProperty().get().format());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copy.setText(Texts.get("room.inviteCopied"));
        });
        return copy;
    }

    private Node participants(StringProperty selfName) {
        Label title = new Label();
        title.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-caption");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.participants().size();
            return n == 0 ? "IN THE ROOM — JUST YOU" : "IN THE ROOM — " + (n + 1);
        }, model.participants()));
        ListView<ParticipantViewModel> list = new ListView<>(model.participants());
        list.setId("participants");
        list.getStyleClass().addAll("participant-list", Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(v -> new ParticipantCell());
        Label empty = new Label(Texts.get("room.empty"));
        empty.setId("participants-empty");
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-state");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox box = new VBox(10, title, new SelfParticipantRow(model, selfName), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(0, 32, 16, 32));
        return box;
    }

    /** Your microphone and the call's switches; who you are is shown first in the list above. */
    private Node controlBar() {
        Label micText = new Label();
        micText.setId("mic-state");
        micText.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        micText.textProperty().bind(model.microphoneTextProperty());
        LevelMeter meter = new LevelMeter(model.micLevelProperty());
        meter.setId("mic-meter");
        meter.setPrefWidth(160);
        meter.setMinWidth(60);
        meter.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("closed"), false);
        model.microphoneOpenProperty().addListener((obs, old, open) ->
                meter.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("closed"), !open));
        VBox meterBox = new VBox(4, new Label(Texts.get("room.yourMic")), meter, micText);
        meterBox.getChildren().get(0).getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        meterBox.setAlignment(Pos.CENTER_LEFT);
        meterBox.setMinWidth(60);

        ToggleButton mute = new ToggleButton();
        mute.setId("self-mute");
        mute.getStyleClass().addAll(Styles.BUTTON_CIRCLE, "mute-button");
        mute.selectedProperty().bindBidirectional(model.selfMutedProperty());
        mute.graphicProperty().bind(Bindings.when(model.selfMutedProperty())
                .then(Icons.of(Feather.MIC_OFF, 18)).otherwise(Icons.of(Feather.MIC, 18)));
        Described.iconOnlyWithTip(mute, "room.muteName", "room.muteTooltip");

        ToggleButton deafen = new ToggleButton();
        deafen.setId("self-deafen");
        deafen.getStyleClass().addAll(Styles.BUTTON_CIRCLE, "mute-button");
        deafen.selectedProperty().bindBidirectional(model.deafenedProperty());
        deafen.graphicProperty().bind(Bindings.when(model.deafenedProperty())
                .then(Icons.of(Feather.VOLUME_X, 18)).otherwise(Icons.of(Feather.HEADPHONES, 18)));
        Described.iconOnlyWithTip(deafen, "room.deafenName", "room.deafenTooltip");

        ToggleGroup modes = new ToggleGroup();
        ToggleButton voice = new ToggleButton(Texts.get("room.voiceActivity"), Icons.of(Feather.RADIO));
        voice.setId("mode-voice");
        voice.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton ptt = new ToggleButton(Texts.get("room.pushToTalk"), Icons.of(Feather.COMMAND));
        ptt.setId("mode-ptt");
        ptt.getStyleClass().add(Styles.RIGHT_PILL);
        voice.setToggleGroup(modes);
        ptt.setToggleGroup(modes);
        modes.selectToggle(model.voiceModeProperty().get() == VoiceMode.PUSH_TO_TALK ? ptt : voice);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            model.voiceModeProperty().set(now == ptt ? VoiceMode.PUSH_TO_TALK : VoiceMode.VOICE_ACTIVITY);
        });
        model.voiceModeProperty().addListener((obs, old, now) ->
                modes.selectToggle(now == VoiceMode.PUSH_TO_TALK ? ptt : voice));
        HBox modeBox = new HBox(0, voice, ptt);
        modeBox.setAlignment(Pos.CENTER);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button board = BoardWindow.button(model.boardProperty(), () -> getScene() == null ? null : getScene().getWindow());
        // The switches keep their words; the microphone meter narrows instead.
        for (Region r : new Region[] {board, voice, ptt, mute, deafen}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(16, meterBox, grow, board, modeBox, mute, deafen);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("control-bar");
        bar.setPadding(new Insets(14, 32, 14, 32));
        return bar;
    }

}
