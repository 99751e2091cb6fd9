package chat.free4.audio;

import chat.free4.peer.PeerId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the last few seconds received from each remote peer, for analysis (tone checks, onset
 * detection) and for the command line's level read-out. Thread-safe.
 */
public final class RecentAudio implements RemotePcmListener {
    private static final long STALE_NANOS = 200_000_000L;
    private final int capacity;
    private final Map<PeerId, Ring> rings = new ConcurrentHashMap<>();

    public RecentAudio(double seconds) {
        this.capacity = (int) (seconds * Pcm.SAMPLE_RATE);
    }

    @Override
    public void onPcm(PeerId from, short[] samples, int count) {
        rings.computeIfAbsent(from, p -> new Ring(capacity)).write(samples, count);
    }

    /** The last {@code count} samples from {@code peer} (zeros where nothing arrived yet). */
    public short[] recent(PeerId peer, int count) {
        Ring ring = rings.get(peer);
        return ring == null ? new short[count] : ring.last(count);
    }

    /**
     * The last {@code count} samples of all peers added together, as a listener hears them now:
     * a peer that stopped sending (left, vanished) is silent, not its last words repeated.
     */
    public short[] mixed(int count) {
        int[] sum = new int[count];
        long now = System.nanoTime();
        for (Ring ring : rings.values()) {
            if (now - ring.lastWriteNanos > STALE_NANOS) {
                continue;
            }
            short[] s = ring.last(count);
            for (int i = 0; i < count; i++) {
                sum[i] += s[i];
            }
        }
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = Pcm.clip(sum[i]);
        }
        return out;
    }

    /** Samples received from {@code peer} so far. */
    public long received(PeerId peer) {
        Ring ring = rings.get(peer);
        return ring == null ? 0 : ring.total();
    }

    public java.util.Set<PeerId> peers() {
        return rings.keySet();
    }

    private static final class Ring {
        private final short[] data;
        private long written;
        private volatile long lastWriteNanos;

        Ring(int capacity) {
            data = new short[capacity];
        }

        synchronized void write(short[] samples, int count) {
            lastWriteNanos = System.nanoTime();
            for (int i = 0; i < count; i++) {
                data[(int) (written++ % data.length)] = samples[i];
            }
        }

        synchronized short[] last(int count) {
            short[] out = new short[count];
            int n = (int) Math.min(Math.min(count, data.length), written);
            for (int i = 0; i < n; i++) {
                out[count - n + i] = data[(int) ((written - n + i) % data.length)];
            }
            return out;
        }

        synchronized long total() {
            return written;
        }
    }
}
