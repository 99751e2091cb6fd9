package chat.free4.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The speaker's mix against the two clocks it sits between, on a simulated clock: libwebrtc's
 * headless module delivering a little less than real time, the sound card asking for exactly
 * real time. What comes out is checked by content: a continuous tone, no gap, no click.
 */
class PlayoutMixerTest {
    private static final double TONE = 440;
    private static final double AMPLITUDE = 0.3;
    private static final long TEN_MS = 10_000_000L;
    private final PeerId peer = PeerId.random();
    private long now;
    private final PlayoutMixer mixer = new PlayoutMixer(() -> now);
    private long toneSample;

    private void deliverOneFrame() {
        short[] frame = new short[Pcm.FRAME_SAMPLES];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.round(AMPLITUDE * 32767 * Math.sin(2 * Math.PI * TONE * toneSample++ / Pcm.SAMPLE_RATE));
        }
        mixer.onPcm(peer, frame, frame.length);
    }

    /** The sound card's turns: one 10 ms frame of the mix each, 10 ms apart. */
    private short[] play(int frames, java.util.function.IntPredicate deliversBeforeTurn) {
        short[] out = new short[frames * Pcm.FRAME_SAMPLES];
        short[] frame = new short[Pcm.FRAME_SAMPLES];
        for (int f = 0; f < frames; f++) {
            if (deliversBeforeTurn.test(f)) {
                deliverOneFrame();
            }
            now += TEN_MS;
            mixer.mix(frame);
            System.arraycopy(frame, 0, out, f * Pcm.FRAME_SAMPLES, frame.length);
        }
        return out;
    }

    /** The largest jump of the slope between samples: a sine this soft moves by far less than a gap or a cut. */
    private static double largestKink(short[] s, int from) {
        double max = 0;
        for (int i = from + 1; i < s.length - 1; i++) {
            max = Math.max(max, Math.abs(s[i + 1] - 2.0 * s[i] + s[i - 1]) / 32767);
        }
        return max;
    }

    @Test
    void aPeerDeliveringOnePercentSlowIsPlayedAsOneUnbrokenTone() {
        deliverOneFrame(); // primes with two frames, as the first turn comes
        // Every 100th delivery missing, as the headless module's loop loses one turn a second.
        short[] out = play(600, f -> f % 100 != 99);
        int start = 2 * Pcm.FRAME_SAMPLES;
        for (int window = start; window + 4800 <= out.length; window += 4800) {
            double level = Goertzel.amplitude(out, window, 4800, TONE, Pcm.SAMPLE_RATE);
            assertEquals(AMPLITUDE, level, 0.01 * AMPLITUDE, "every 100 ms holds the whole tone (from sample " + window + ")");
        }
        double smooth = AMPLITUDE * Math.pow(2 * Math.PI * TONE / Pcm.SAMPLE_RATE, 2);
        double kink = largestKink(out, start);
        assertTrue(kink < 10 * smooth, "no click where the late audio was filled in: " + kink + " vs a sine's " + smooth);
    }

    @Test
    void aPeerThatFallsFortyMillisecondsBehindIsFilledInWithoutAGap() {
        deliverOneFrame();
        // On a busy computer the headless module's loop now and then misses four turns in a row.
        short[] out = play(400, f -> f % 50 < 45 || f % 50 == 49);
        double smooth = AMPLITUDE * Math.pow(2 * Math.PI * TONE / Pcm.SAMPLE_RATE, 2);
        double kink = largestKink(out, 2 * Pcm.FRAME_SAMPLES);
        assertTrue(kink < 10 * smooth, "no gap where 40 ms came late: " + kink);
    }

    @Test
    void aPeerThatStopsDeliveringFallsSilentInsteadOfRepeatingItself() {
        deliverOneFrame();
        play(100, f -> true);
        short[] after = play(50, f -> false);
        int filledIn = (int) (PlayoutMixer.STILL_DELIVERING_NANOS / TEN_MS) + 1;
        short[] tail = Arrays.copyOfRange(after, filledIn * Pcm.FRAME_SAMPLES, after.length);
        assertTrue(Arrays.equals(tail, new short[tail.length]), "silence once the peer stopped for "
                + PlayoutMixer.STILL_DELIVERING_NANOS / 1_000_000 + " ms");
        assertTrue(Goertzel.amplitude(after, 0, Pcm.FRAME_SAMPLES, TONE, Pcm.SAMPLE_RATE) > 0.5 * AMPLITUDE,
                "the first late turn is still filled in");
    }

    @Test
    void aPeerFasterThanTheCardIsTrimmedSoTheDelayStaysShort() {
        deliverOneFrame();
        for (int f = 0; f < 300; f++) {
            deliverOneFrame();
            if (f % 10 == 0) {
                deliverOneFrame();
            }
            now += TEN_MS;
            mixer.mix(new short[Pcm.FRAME_SAMPLES]);
            assertTrue(mixer.queuedFrames() <= PlayoutMixer.MAX_FRAMES, "at most " + PlayoutMixer.MAX_FRAMES + " frames wait");
        }
    }
}
