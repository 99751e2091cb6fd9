package chat.free4.chat;

/** A chat message over the size limit; the message says what to do instead. */
public class MessageTooLongException extends MessageRefusedException {

    public MessageTooLongException(String message) {
        super(message);
    }
}
