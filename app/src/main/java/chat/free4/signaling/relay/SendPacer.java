package chat.free4.signaling.relay;

import java.util.function.LongSupplier;

/**
 * Keeps what we send under the relay's per-connection message rate, so a burst (joining a full
 * room sends an offer or answer and a handful of ICE candidates per peer) waits a moment instead
 * of being dropped by the relay as {@code rate_limited}, which would cost connections and, after
 * repeated drops, the relay connection itself. A token bucket like the relay's, at 80% of the
 * relay's default limits (burst 50, 20 per second; docs/PROTOCOL.md). Not thread-safe: used on
 * the signaling thread only. The same arithmetic as the relay's {@code TokenBucket}, which the
 * app cannot use (it ships without the relay module); this one also says how long to wait.
 */
final class SendPacer {
    static final int BURST = 40;
    static final double PER_SECOND = 16.0;

    private final int burst;
    private final double perNano;
    private final LongSupplier clock;
    private double tokens;
    private long last;

    SendPacer(LongSupplier nanoClock) {
        this(BURST, PER_SECOND, nanoClock);
    }

    SendPacer(int burst, double perSecond, LongSupplier nanoClock) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.clock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes a token and returns 0 if one is there; otherwise how many nanoseconds until one is. */
    long take() {
        long now = clock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
