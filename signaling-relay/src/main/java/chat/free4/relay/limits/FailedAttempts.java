package chat.free4.relay.limits;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong password answers per remote address (IPv6 per /64, {@link AddressKey}): a token bucket
 * each, taken only by failures. Addresses whose bucket is full again are forgotten when the map
 * grows, so the map holds only recent guessers.
 */
public final class FailedAttempts {
    private static final int PRUNE_ABOVE = 4096;
    private final int burst;
    private final double perSecond;
    private final ConcurrentHashMap<InetAddress, TokenBucket> buckets = new ConcurrentHashMap<>();

    public FailedAttempts(int burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** Seconds until {@code address} may try again, or 0 if it may now. Null addresses are not limited here. */
    public int secondsUntilAllowed(InetAddress address) {
        if (address == null) {
            return 0;
        }
        TokenBucket bucket = buckets.get(AddressKey.of(address));
        return bucket == null ? 0 : bucket.secondsUntilToken();
    }

    /** Counts one wrong answer from {@code address}. */
    public void failed(InetAddress address) {
        if (address == null) {
            return;
        }
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(TokenBucket::full);
        }
        buckets.computeIfAbsent(AddressKey.of(address), a -> new TokenBucket(burst, perSecond)).tryTake();
    }
}
