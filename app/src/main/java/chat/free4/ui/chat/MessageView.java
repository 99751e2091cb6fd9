package chat.free4.ui.chat;

import chat.free4.ui.i18n.Texts;

import chat.free4.chat.ChatMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/** One chat line: sender and time over the text (emoji as images, links clickable), or a system line. */
public final class MessageView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    static final double EMOJI_SIZE = 20;

    /** @param relayedBy who passed this line on, when its author had left and it cannot be checked */
    public MessageView(ChatMessage message, Optional<String> relayedBy, Consumer<String> openLink) {
        getStyleClass().add("chat-message");
        if (message.isSystem()) {
            getStyleClass().add("chat-system-line");
            Label line = new Label(message.text());
            line.getStyleClass().addAll("text-muted", "text-small", "chat-system-text");
            setAlignment(Pos.CENTER);
            getChildren().add(line);
            return;
        }
        Label sender = new Label(message.senderName());
        sender.getStyleClass().addAll("text-bold", "chat-sender");
        Label time = new Label(TIME.format(Instant.ofEpochMilli(message.sentAtMillis())));
        time.getStyleClass().addAll("text-muted", "text-small");
        HBox header = new HBox(8, sender, time);
        relayedBy.ifPresent(relayer -> {
            Label relayed = new Label(Texts.get("chat.sharedBy", relayer));
            relayed.setId("chat-relayed");
            relayed.getStyleClass().addAll("text-muted", "text-small");
            relayed.setTooltip(new Tooltip(Texts.get("chat.sharedByTooltip", message.senderName(), relayer)));
            header.getChildren().add(relayed);
        });
        header.setAlignment(Pos.BASELINE_LEFT);
        TextFlow body = new TextFlow();
        body.getStyleClass().add("chat-body");
        for (TextPart part : LinkFinder.split(message.text())) {
            if (part instanceof TextPart.Link link) {
                Hyperlink h = new Hyperlink(link.text());
                h.getStyleClass().add("chat-link");
                h.setTooltip(new Tooltip(Texts.get("chat.openLink", link.text())));
                h.setOnAction(e -> openLink.accept(link.text()));
                body.getChildren().add(h);
            } else {
                body.getChildren().addAll(EmojiNodes.of(part.text(), EMOJI_SIZE, "chat-text"));
            }
        }
        setSpacing(2);
        getChildren().addAll(header, body);
    }
}
