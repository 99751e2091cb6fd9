package chat.free4.audio;

import chat.free4.peer.PeerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desktop path's own mix of everyone I hear. Each remote peer's decoded PCM (48 kHz mono,
 * already at my volume for that person) arrives on libwebrtc's 10 ms clock and waits in a short
 * per-peer queue; the speaker's callback pulls one 10 ms frame of the sum on the sound card's
 * clock. The queues absorb the difference between the two clocks: a peer's queue is filled to
 * {@link #PRIME_FRAMES} before it plays, and trimmed when it holds more than
 * {@link #MAX_FRAMES}, so latency stays bounded whatever the drift.
 */
final class PlayoutMixer implements RemotePcmListener {
    static final int PRIME_FRAMES = 2;
    static final int MAX_FRAMES = 8;
    private static final long FORGET_NANOS = 2_000_000_000L;

    private final Map<PeerId, PeerQueue> queues = new ConcurrentHashMap<>();
    private final int[] sum = new int[Pcm.FRAME_SAMPLES];
    private volatile boolean deafened;

    @Override
    public void onPcm(PeerId from, short[] samples, int count) {
        queues.computeIfAbsent(from, id -> new PeerQueue()).write(samples, count);
    }

    void setDeafened(boolean deafened) {
        this.deafened = deafened;
    }

    /** Fills {@code out} with the next 10 ms of the mix; called from the speaker's thread only. */
    void mix(short[] out) {
        java.util.Arrays.fill(sum, 0);
        long now = System.nanoTime();
        for (Map.Entry<PeerId, PeerQueue> e : queues.entrySet()) {
            PeerQueue q = e.getValue();
            if (now - q.lastWrite > FORGET_NANOS) {
                queues.remove(e.getKey(), q); // the peer left or stopped sending
                continue;
            }
            q.addTo(sum);
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
        private long written;
        private long read;
        private boolean primed;
        private volatile long lastWrite = System.nanoTime();

        synchronized void write(short[] samples, int count) {
            for (int i = 0; i < count; i++) {
                ring[(int) (written++ % ring.length)] = samples[i];
            }
            long max = (long) MAX_FRAMES * Pcm.FRAME_SAMPLES;
            if (written - read > max) {
                // Too far behind the writer (the sound card's clock is slower): drop the oldest.
                read = written - (long) PRIME_FRAMES * Pcm.FRAME_SAMPLES;
            }
            lastWrite = System.nanoTime();
        }

        synchronized void addTo(int[] sum) {
            long available = written - read;
            if (!primed) {
                if (available < (long) PRIME_FRAMES * Pcm.FRAME_SAMPLES) {
                    return;
                }
                primed = true;
            }
            if (available < sum.length) {
                primed = false; // ran dry (the sound card's clock is faster): wait for more
                return;
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += ring[(int) (read++ % ring.length)];
            }
        }

        synchronized int frames() {
            return (int) ((written - read) / Pcm.FRAME_SAMPLES);
        }
    }
}
