package chat.free4.signaling.relay;

/** The relay could not be asked; the message is a sentence for a person. */
public final class RelayUnavailableException extends RuntimeException {
    public RelayUnavailableException(String sentence) {
        super(sentence);
    }
}
