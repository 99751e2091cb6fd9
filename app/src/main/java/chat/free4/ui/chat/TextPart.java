package chat.free4.ui.chat;

/** A piece of a message's text: plain text or a link a person can click. */
public sealed interface TextPart {

    String text();

    record Plain(String text) implements TextPart {
    }

    record Link(String text) implements TextPart {
    }
}
