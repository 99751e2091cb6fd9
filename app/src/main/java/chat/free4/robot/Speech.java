package chat.free4.robot;

/** Turns a sentence into the robot's voice: 48 kHz mono 16-bit samples ({@link chat.free4.audio.Pcm}). */
public interface Speech {

    /**
     * Renders {@code sentence}; may take a moment (runs a synthesiser), never longer than a few seconds.
     *
     * @throws SpeechUnavailableException with a sentence for a person when the engine cannot speak
     */
    short[] render(String sentence) throws SpeechUnavailableException;

    /** Whether this engine can speak here; checked once when the robot starts. */
    boolean available();

    /** What the robot tells the room when {@link #available()} is false. */
    String unavailableSentence();
}
