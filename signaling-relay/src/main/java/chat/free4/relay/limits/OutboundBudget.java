package chat.free4.relay.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes waiting to be written to all clients together. Counting messages was not enough: 256
 * queued frames of 65 KiB each let one stalled reader pin 16 MiB, and a few hundred of them the
 * whole heap.
 */
public final class OutboundBudget {
    private final long limit;
    private final AtomicLong queued = new AtomicLong();

    public OutboundBudget(long limit) {
        this.limit = limit;
    }

    /** @return true if the total is now over the limit (the caller makes room) */
    public boolean add(long bytes) {
        return queued.addAndGet(bytes) > limit;
    }

    public void release(long bytes) {
        queued.addAndGet(-bytes);
    }

    public long queued() {
        return queued.get();
    }

    public long limit() {
        return limit;
    }

    /** How far down to evict once over the limit: to three quarters, so one eviction lasts a while. */
    public long excess() {
        return queued.get() - limit * 3 / 4;
    }
}
