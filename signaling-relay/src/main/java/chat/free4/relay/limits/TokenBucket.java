package chat.free4.relay.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code perSecond}.
 * Used by one connection's message thread at a time, so it needs no locking beyond {@code synchronized}
 * for the rare concurrent caller.
 */
public final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long lastNanos;

    public TokenBucket(int capacity, double perSecond) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000.0;
        this.tokens = capacity;
        this.lastNanos = System.nanoTime();
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryTake() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    /** Seconds (rounded up, at least 1) until a token will be there; 0 if one is there now. */
    public synchronized int secondsUntilToken() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        if (tokens >= 1.0) {
            return 0;
        }
        double nanos = (1.0 - tokens) / perNano;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(nanos / 1_000_000_000.0)));
    }

    /** Whether the bucket is full again (an idle key whose entry can be forgotten). */
    public synchronized boolean full() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        return tokens >= capacity;
    }
}
