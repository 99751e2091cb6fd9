package chat.free4.signaling;

/** A message from the network breaks the protocol; the message says which field and how. */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String reason) {
        super(reason);
    }
}
