package chat.free4.ui.chat;

import chat.free4.ui.i18n.Texts;

import chat.free4.chat.ChatMessage;
import chat.free4.ui.widgets.Described;
import chat.free4.ui.widgets.Icons;
import com.gluonhq.emoji.EmojiData;
import java.io.IOException;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.kordamp.ikonli.feather.Feather;

/**
 * The room's chat: messages (emoji as images, links clickable, join/leave lines), the input with
 * an emoji picker, file offers with progress, and saving a transcript. The voice room view embeds
 * it and shows or hides it through {@link ChatModel#collapsedProperty()} (see {@link ChatToggle}).
 */
public final class ChatPane extends BorderPane {
    private final ChatModel chat;
    private final TransfersModel transfers;
    private final ChatPaneActions actions;
    private final ListView<ChatMessage> messages = new ListView<>();
    private final TextField input = new TextField();
    private final Label error = new Label();
    private final Popup emojiPopup = new Popup();

    public ChatPane(ChatModel chat, TransfersModel transfers, ChatPaneActions actions) {
        this.chat = chat;
        this.transfers = transfers;
        this.actions = actions;
        setId("chat-pane");
        getStyleClass().add("chat-pane");
        setPadding(new Insets(8));
        setMinWidth(260);
        setTop(header());
        setCenter(messageList());
        setBottom(new VBox(6, transferList(), errorLine(), inputLine()));
        visibleProperty().bind(chat.collapsedProperty().not());
        managedProperty().bind(visibleProperty());
    }

    private Node header() {
        Label title = new Label(Texts.get("chat.title"));
        title.getStyleClass().add("title-4");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button save = new Button(Texts.get("chat.save"), Icons.of(Feather.DOWNLOAD));
        save.setId("save-transcript");
        save.getStyleClass().add("flat");
        save.setTooltip(new Tooltip(Texts.get("chat.saveTooltip")));
        save.setAccessibleText(Texts.get("chat.saveName"));
        save.setOnAction(e -> saveTranscript());
        HBox header = new HBox(8, title, spacer, save);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 6, 0));
        return header;
    }

    private Node messageList() {
        messages.setId("chat-messages");
        messages.setItems(chat.lines());
        messages.setCellFactory(list -> new ChatMessageCell(actions::openLink, chat::relayedBy));
        messages.setPlaceholder(new Label(Texts.get("chat.empty")));
        messages.getStyleClass().add("chat-list");
        chat.lines().addListener((ListChangeListener<ChatMessage>) c -> {
            if (!chat.lines().isEmpty()) {
                messages.scrollTo(chat.lines().size() - 1);
            }
        });
        return messages;
    }

    private Node transferList() {
        VBox list = new VBox(6);
        list.setId("transfers");
        transfers.items().forEach(i -> list.getChildren().add(row(i)));
        transfers.items().addListener((ListChangeListener<TransferItem>) c -> {
            list.getChildren().clear();
            transfers.items().forEach(i -> list.getChildren().add(row(i)));
        });
        return list;
    }

    private TransferRow row(TransferItem item) {
        return new TransferRow(item, transfers, actions, chat.errorProperty()::set);
    }

    private Node errorLine() {
        error.setId("chat-error");
        error.getStyleClass().addAll("text-small", "danger");
        error.setWrapText(true);
        error.textProperty().bind(chat.errorProperty());
        error.visibleProperty().bind(chat.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private Node inputLine() {
        input.setId("chat-input");
        input.setPromptText(Texts.get("chat.inputPrompt"));
        Described.named(input, "chat.inputName");
        input.setOnAction(e -> send());
        HBox.setHgrow(input, Priority.ALWAYS);

        Button emoji = new Button();
        emoji.setId("emoji-button");
        emoji.getStyleClass().add("flat");
        EmojiData.emojiFromShortName("slightly_smiling_face").ifPresent(e -> emoji.setGraphic(EmojiNodes.image(e, 18)));
        Described.iconOnly(emoji, "chat.emojiTooltip");
        emojiPopup.setAutoHide(true);
        emoji.setOnAction(e -> {
            if (emojiPopup.isShowing()) {
                emojiPopup.hide();
            } else {
                if (emojiPopup.getContent().isEmpty()) {
                    // Built on first use: a few hundred images the pane does not need until then.
                    EmojiPicker picker = new EmojiPicker(this::insert);
                    picker.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;"
                            + " -fx-background-radius: 6; -fx-border-radius: 6;");
                    emojiPopup.getContent().add(picker);
                }
                var p = emoji.localToScreen(0, 0);
                emojiPopup.show(emoji, p.getX(), p.getY() - 330);
            }
        });

        Button share = new Button(null, Icons.of(Feather.PAPERCLIP));
        share.setId("share-file");
        share.getStyleClass().add("flat");
        Described.iconOnly(share, "chat.shareTooltip");
        share.setOnAction(e -> actions.chooseFileToShare().ifPresent(this::share));

        Button send = new Button(null, Icons.of(Feather.SEND));
        send.setId("chat-send");
        Described.iconOnlyWithTip(send, "chat.sendName", "chat.sendTooltip");
        send.setOnAction(e -> send());

        // The field gets the pane's whole width on a line of its own; a narrow pane cut it short.
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox tools = new HBox(4, emoji, share, grow, send);
        tools.setAlignment(Pos.CENTER_LEFT);
        input.setMaxWidth(Double.MAX_VALUE);
        return new javafx.scene.layout.VBox(6, input, tools);
    }

    private void insert(String emoji) {
        emojiPopup.hide();
        int caret = input.getCaretPosition();
        input.insertText(caret, emoji);
        input.requestFocus();
        input.positionCaret(caret + emoji.length());
    }

    private void send() {
        if (input.getText().isBlank()) {
            return;
        }
        if (chat.send(input.getText())) {
            input.clear();
        }
    }

    /** Hashing a large file takes a while: the session does it off the FX thread. */
    private void share(Path file) {
        transfers.offerToRoom(file, chat.errorProperty()::set);
    }

    private void saveTranscript() {
        actions.chooseTranscriptTarget().ifPresent(target -> {
            try {
                chat.saveTranscript(target);
                chat.errorProperty().set("");
            } catch (IOException e) {
                chat.errorProperty().set(Texts.get("chat.transcriptFailed", e.getMessage()));
            }
        });
    }

    /** For the room view's keyboard shortcut. */
    public void focusInput() {
        input.requestFocus();
    }
}
