package chat.free4.robot;

import chat.free4.audio.PcmSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * What the robot sends as its microphone: rendered sentences one after another, silence otherwise.
 * The headless audio's pump reads it every 10 ms; {@link #speak} completes once the last sample of
 * a sentence has gone out, so a game waits for its own words before it listens.
 */
public final class RobotVoice implements PcmSource {

    /** Told when a sentence starts and stops going out (the pump's thread; return at once). */
    public interface Listener {
        void onSpeaking(long startNanos, long endNanos);
    }

    private record Clip(short[] samples, CompletableFuture<Void> done) {
    }

    private final Queue<Clip> clips = new ArrayDeque<>();
    private final Listener listener;
    private Clip current;
    private int position;
    private long startedNanos;

    public RobotVoice(Listener listener) {
        this.listener = listener;
    }

    /** Queues a sentence; the future completes when it has been sent. */
    public synchronized CompletableFuture<Void> speak(short[] samples) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (samples.length == 0) {
            done.complete(null);
        } else {
            clips.add(new Clip(samples, done));
        }
        return done;
    }

    /** Drops what is queued (the robot is leaving); waiting games are released. */
    public synchronized void stop() {
        if (current != null) {
            current.done().complete(null);
            current = null;
        }
        clips.forEach(c -> c.done().complete(null));
        clips.clear();
    }

    @Override
    public synchronized void read(short[] frame) {
        int filled = 0;
        while (filled < frame.length) {
            if (current == null) {
                current = clips.poll();
                position = 0;
                if (current == null) {
                    break;
                }
                startedNanos = System.nanoTime();
            }
            int n = Math.min(frame.length - filled, current.samples().length - position);
            System.arraycopy(current.samples(), position, frame, filled, n);
            filled += n;
            position += n;
            if (position >= current.samples().length) {
                listener.onSpeaking(startedNanos, System.nanoTime());
                current.done().complete(null);
                current = null;
            }
        }
        Arrays.fill(frame, filled, frame.length, (short) 0);
    }
}
