package chat.free4.audio;

/** The sound system cannot be used; the message is a sentence for a person. */
public final class AudioUnavailableException extends RuntimeException {
    public AudioUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
