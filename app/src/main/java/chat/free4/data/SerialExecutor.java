package chat.free4.data;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared backing executor. One per data
 * channel keeps each channel's events ordered without a thread per channel. The queue is
 * bounded: a peer whose messages arrive faster than they are handled gets
 * {@link RejectedExecutionException} instead of the heap (see {@link RtcFeatureChannel}).
 */
public final class SerialExecutor implements Executor {
    /** Far above what a channel's inbound limits let queue up; only a stall reaches it. */
    public static final int DEFAULT_CAPACITY = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor backing;
    private final int capacity;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor backing) {
        this(backing, DEFAULT_CAPACITY);
    }

    public SerialExecutor(Executor backing, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A serial executor needs room for at least one task.");
        }
        this.backing = backing;
        this.capacity = capacity;
    }

    /** @throws RejectedExecutionException when {@code capacity} tasks are already waiting */
    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            if (tasks.size() >= capacity) {
                throw new RejectedExecutionException("The channel's event queue is full (" + capacity + " tasks).");
            }
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        backing.execute(this::drain);
    }

    /** Tasks waiting, for the channel's statistics. */
    public int queued() {
        synchronized (tasks) {
            return tasks.size();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("A data channel task failed", e);
            }
        }
    }
}
