package chat.free4.chat;

/** A chat message that was not sent; the message is a sentence for the person who typed it. */
public class MessageRefusedException extends IllegalArgumentException {
    public MessageRefusedException(String sentence) {
        super(sentence);
    }
}
