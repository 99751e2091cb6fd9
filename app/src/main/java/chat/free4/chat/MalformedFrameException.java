package chat.free4.chat;

/** A chat frame from a peer that cannot be read; it is dropped and logged, nothing else. */
public class MalformedFrameException extends Exception {

    public MalformedFrameException(String message) {
        super(message);
    }

    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
