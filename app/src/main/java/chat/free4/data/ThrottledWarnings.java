package chat.free4.data;

import chat.free4.peer.PeerId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * WARNs about what a peer sent, at most {@link #PER_WINDOW} per peer per minute: a peer sending
 * malformed frames as fast as it can must not fill the disk or drown other log lines. What was
 * held back is counted and reported with the next WARN that gets through. Thread-safe.
 */
public final class ThrottledWarnings {
    public static final int PER_WINDOW = 5;
    public static final long WINDOW_NANOS = 60_000_000_000L;
    /** Peers are few; this only guards against a flood of invented ids. */
    private static final int MAX_TRACKED = 256;

    private final Logger log;
    private final LongSupplier nanoTime;
    private final Map<PeerId, Window> windows = new HashMap<>();

    public ThrottledWarnings(Logger log) {
        this(log, System::nanoTime);
    }

    public ThrottledWarnings(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /**
     * Logs {@code format} (SLF4J style) about {@code peer} if its budget allows; the arguments
     * must already be safe (see {@link Untrusted#forLog}).
     */
    public void warn(PeerId peer, String format, Object... args) {
        long held;
        synchronized (windows) {
            long now = nanoTime.getAsLong();
            if (windows.size() >= MAX_TRACKED && !windows.containsKey(peer)) {
                windows.clear();
            }
            Window w = windows.computeIfAbsent(peer, p -> new Window(now));
            if (now - w.start >= WINDOW_NANOS) {
                held = w.suppressed;
                w.start = now;
                w.logged = 0;
                w.suppressed = 0;
            } else {
                held = 0;
            }
            if (w.logged >= PER_WINDOW) {
                w.suppressed++;
                return;
            }
            w.logged++;
        }
        if (held > 0) {
            log.warn(format + " ({} similar warnings about this peer were held back)", append(args, held));
        } else {
            log.warn(format, args);
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] out = Arrays.copyOf(args, args.length + 1);
        out[args.length] = last;
        return out;
    }

    private static final class Window {
        long start;
        int logged;
        long suppressed;

        Window(long start) {
            this.start = start;
        }
    }
}
