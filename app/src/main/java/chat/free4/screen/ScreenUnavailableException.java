package chat.free4.screen;

/** The screen cannot be shared here; the message says why in words a person can act on. */
public final class ScreenUnavailableException extends RuntimeException {
    public ScreenUnavailableException(String sentence) {
        super(sentence);
    }

    public ScreenUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
