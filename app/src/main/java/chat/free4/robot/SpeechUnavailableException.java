package chat.free4.robot;

/** The text-to-speech engine could not speak; the message is a sentence for a person. */
public final class SpeechUnavailableException extends Exception {
    public SpeechUnavailableException(String sentence) {
        super(sentence);
    }
}
