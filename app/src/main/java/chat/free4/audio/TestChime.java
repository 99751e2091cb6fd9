package chat.free4.audio;

import dev.onvoid.webrtc.media.audio.AudioSource;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * "Play test sound": a two-note chime (660 Hz then 880 Hz, 0.25 s each, 10 ms fades) on the chosen
 * speaker, through the same kind of stream the call uses ({@link SoundStream}), so what the person
 * hears is what the call would use: the same device, the same sound server. Made at whatever rate
 * the card asks for, so nothing needs resampling.
 */
public final class TestChime {
    static final double[] NOTES = {660, 880};
    private static final double NOTE_SECONDS = 0.25;
    /** Silence after the notes, so the stream's buffer has played them before it closes. */
    private static final double TAIL_SECONDS = 0.3;
    private static final double AMPLITUDE = 0.3;

    private TestChime() {
    }

    /**
     * Plays the chime and returns when it has been handed to the sound card.
     *
     * @param device the speaker, empty for the system default
     * @throws AudioUnavailableException with a sentence for the person when it cannot play
     */
    public static void play(Optional<AudioDeviceInfo> device) {
        Notes notes = new Notes();
        try (SoundStream stream = SoundStream.speaker(device, notes)) {
            double total = NOTES.length * NOTE_SECONDS + TAIL_SECONDS;
            if (!notes.done.await((long) (total * 1000) + 3000, TimeUnit.MILLISECONDS)) {
                throw new AudioUnavailableException(device.map(d -> "\"" + d.name() + "\"").orElse("The default speaker")
                        + " did not play the test sound. Check that it is connected and not used by another program, "
                        + "or choose another one.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The notes, sample by sample, at the card's rate, on every channel; then the tail, then done. */
    private static final class Notes implements AudioSource {
        final CountDownLatch done = new CountDownLatch(1);
        private long sample;

        @Override
        public int onPlaybackData(byte[] out, int frames, int bytesPerFrame, int channels, int sampleRate) {
            if (channels < 1 || sampleRate < 8000 || out.length < frames * channels * 2) {
                return 0;
            }
            long perNote = Math.round(sampleRate * NOTE_SECONDS);
            long end = perNote * NOTES.length + Math.round(sampleRate * TAIL_SECONDS);
            for (int f = 0; f < frames; f++, sample++) {
                short s = 0;
                int note = (int) (sample / perNote);
                if (note < NOTES.length) {
                    long i = sample % perNote;
                    double fade = Math.min(1, Math.min(i, perNote - i) / (sampleRate * 0.01));
                    s = Pcm.clip(AMPLITUDE * fade * Short.MAX_VALUE * Math.sin(2 * Math.PI * NOTES[note] * i / sampleRate));
                }
                for (int c = 0; c < channels; c++) {
                    int at = 2 * (f * channels + c);
                    out[at] = (byte) s;
                    out[at + 1] = (byte) (s >> 8);
                }
            }
            if (sample >= end) {
                done.countDown();
            }
            return frames;
        }
    }
}
