package chat.free4.data;

/** Thrown when sending on a channel that is no longer open. */
public class ChannelClosedException extends RuntimeException {

    public ChannelClosedException(String message) {
        super(message);
    }

    public ChannelClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
