package chat.free4.audio;

import chat.free4.peer.PeerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The desktop path's own mix of everyone I hear. Each remote peer's decoded PCM (48 kHz mono,
 * already at my volume for that person) arrives on libwebrtc's 10 ms clock and waits in a short
 * per-peer queue; the speaker's callback pulls one 10 ms frame of the sum on the sound card's
 * clock. The queues absorb the difference between the two clocks: a peer's queue is filled to
 * {@link #PRIME_FRAMES} before it plays, and trimmed when it holds more than
 * {@link #MAX_FRAMES}, so latency stays bounded whatever the drift.
 *
 * <p>libwebrtc's headless module delivers about 1 % less than real time (its 10 ms loop sleeps in
 * whole milliseconds and skips a turn when it wakes early), and less again on a busy computer, so
 * a queue keeps running short of the card's clock. A short queue is not played as a gap (a click
 * every second or so): {@link PitchRepeat} fills it with whole pitch periods of what was just
 * played, for as long as the peer is still delivering.
 */
final class PlayoutMixer implements RemotePcmListener {
    static final int PRIME_FRAMES = 2;
    static final int MAX_FRAMES = 8;
    private static final long FORGET_NANOS = 2_000_000_000L;
    /** A peer that delivered nothing for this long has stopped: its queue falls silent, it is not filled in. */
    static final long STILL_DELIVERING_NANOS = 80_000_000L;

    private final Map<PeerId, PeerQueue> queues = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final int[] sum = new int[Pcm.FRAME_SAMPLES];
    private volatile boolean deafened;

    PlayoutMixer() {
        this(System::nanoTime);
    }

    /** @param nanoClock {@link System#nanoTime()} but in tests */
    PlayoutMixer(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public void onPcm(PeerId from, short[] samples, int count) {
        queues.computeIfAbsent(from, id -> new PeerQueue(nanoClock)).write(samples, count);
    }

    void setDeafened(boolean deafened) {
        this.deafened = deafened;
    }

    /** Fills {@code out} with the next 10 ms of the mix; called from the speaker's thread only. */
    void mix(short[] out) {
        java.util.Arrays.fill(sum, 0);
        long now = nanoClock.getAsLong();
        for (Map.Entry<PeerId, PeerQueue> e : queues.entrySet()) {
            PeerQueue q = e.getValue();
            if (now - q.lastWrite > FORGET_NANOS) {
                queues.remove(e.getKey(), q); // the peer left or stopped sending
                continue;
            }
            q.addTo(sum, now);
        }
        boolean silent = deafened;
        for (int i = 0; i < out.length; i++) {
            out[i] = silent ? 0 : (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
        }
    }

    /** How much audio waits to be played, in frames (for the echo canceller's delay hint). */
    int queuedFrames() {
        int max = 0;
        for (PeerQueue q : queues.values()) {
            max = Math.max(max, q.frames());
        }
        return max;
    }

    /** A ring of samples from one peer: one writer (libwebrtc), one reader (the speaker). */
    private static final class PeerQueue {
        private final short[] ring = new short[Pcm.FRAME_SAMPLES * (MAX_FRAMES + 4)];
        private final PitchRepeat repeat = new PitchRepeat();
        private final short[] filler = new short[Pcm.FRAME_SAMPLES + PitchRepeat.MAX_PERIOD];
        private int fillerLength;
        private int fillerPlayed;
        private long written;
        private long read;
        private boolean primed;
        private final LongSupplier nanoClock;
        private volatile long lastWrite;

        PeerQueue(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            this.lastWrite = nanoClock.getAsLong();
        }

        synchronized void write(short[] samples, int count) {
            for (int i = 0; i < count; i++) {
                ring[(int) (written++ % ring.length)] = samples[i];
            }
            long max = (long) MAX_FRAMES * Pcm.FRAME_SAMPLES;
            if (written - read > max) {
                // Too far behind the writer (the sound card's clock is slower): drop the oldest.
                read = written - (long) PRIME_FRAMES * Pcm.FRAME_SAMPLES;
            }
            lastWrite = nanoClock.getAsLong();
        }

        synchronized void addTo(int[] sum, long now) {
            if (!primed) {
                if (written - read < (long) PRIME_FRAMES * Pcm.FRAME_SAMPLES) {
                    return;
                }
                primed = true;
            }
            for (int i = 0; i < sum.length; i++) {
                short sample;
                if (fillerPlayed < fillerLength) {
                    sample = filler[fillerPlayed++];
                } else if (read < written) {
                    sample = ring[(int) (read++ % ring.length)];
                } else if (repeat.ready() && now - lastWrite < STILL_DELIVERING_NANOS) {
                    fillerLength = repeat.repeat(sum.length - i, filler);
                    fillerPlayed = 0;
                    sample = filler[fillerPlayed++];
                } else {
                    primed = false; // stopped delivering: silent until it fills up again
                    return;
                }
                repeat.played(sample);
                sum[i] += sample;
            }
        }

        synchronized int frames() {
            return (int) ((written - read) / Pcm.FRAME_SAMPLES);
        }
    }
}
