package chat.free4.chat;

/** A chat message with nothing in it; the message says so in words. */
public class EmptyMessageException extends MessageRefusedException {

    public EmptyMessageException(String message) {
        super(message);
    }
}
