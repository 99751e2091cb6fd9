package chat.free4.board;

import java.util.function.LongSupplier;

/** A token bucket of new operations for one peer: {@code perSecond}, with a burst of ten seconds' worth. */
final class OpRate {
    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    OpRate(double perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = perSecond * 10;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Takes one operation from the budget; false (nothing taken) if it is spent. */
    synchronized boolean admit() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + Math.max(0, now - last) / 1e9 * perSecond);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
