package chat.free4.audio;

/** Produces the audio a headless peer sends, one 10 ms frame at a time. Called from one thread. */
@FunctionalInterface
public interface PcmSource {

    /** Fills {@code frame} ({@link Pcm#FRAME_SAMPLES} samples) with the next 10 ms of audio. */
    void read(short[] frame);

    static PcmSource silence() {
        return frame -> java.util.Arrays.fill(frame, (short) 0);
    }
}
