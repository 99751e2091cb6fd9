package chat.free4.audio;

import chat.free4.peer.PeerId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Records what a listener hears (all remote peers mixed) into a WAV file. Each peer's audio is
 * placed at the time it arrived; mixed samples older than about a second are streamed to disk so
 * memory stays small however long the recording.
 */
public final class MixRecorder implements RemotePcmListener, AutoCloseable {
    private static final int WINDOW = Pcm.SAMPLE_RATE * 4;
    private static final int FLUSH_LAG = Pcm.SAMPLE_RATE;

    private final WavWriter writer;
    private final long startNanos = System.nanoTime();
    private final int[] window = new int[WINDOW];
    private final Map<PeerId, Long> positions = new HashMap<>();
    private final short[] out = new short[WINDOW];
    private long flushed;
    private boolean closed;

    public MixRecorder(Path file) throws IOException {
        this.writer = new WavWriter(file);
    }

    @Override
    public synchronized void onPcm(PeerId from, short[] samples, int count) {
        if (closed) {
            return;
        }
        long now = elapsedSamples();
        long position = positions.getOrDefault(from, now);
        if (Math.abs(position - now) > Pcm.SAMPLE_RATE / 5) {
            position = now; // drifted or resumed after a gap: re-anchor to the clock
        }
        if (position < flushed) {
            position = flushed;
        }
        flushUpTo(Math.max(flushed, position + count - WINDOW));
        for (int i = 0; i < count; i++) {
            window[(int) ((position + i) % WINDOW)] += samples[i];
        }
        positions.put(from, position + count);
        flushUpTo(now - FLUSH_LAG);
    }

    private long elapsedSamples() {
        return (System.nanoTime() - startNanos) * Pcm.SAMPLE_RATE / 1_000_000_000L;
    }

    private void flushUpTo(long until) {
        while (flushed < until) {
            int n = (int) Math.min(until - flushed, WINDOW);
            for (int i = 0; i < n; i++) {
                int index = (int) ((flushed + i) % WINDOW);
                out[i] = Pcm.clip(window[index]);
                window[index] = 0;
            }
            try {
                writer.write(out, n);
            } catch (IOException e) {
                closed = true;
                throw new IllegalStateException("Could not write the recording: " + e.getMessage(), e);
            }
            flushed += n;
        }
    }

    /** Writes everything heard so far and completes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        long end = positions.values().stream().mapToLong(Long::longValue).max().orElse(flushed);
        flushUpTo(Math.max(end, elapsedSamples() - FLUSH_LAG));
        closed = true;
        writer.close();
    }
}
