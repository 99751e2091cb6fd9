package chat.free4.relay.limits;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/** Counts open connections per remote address (IPv6 per /64, see {@link AddressKey}) and refuses more than the limit. */
public final class AddressLimiter {
    private final int maxPerAddress;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    public AddressLimiter(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** @return true if the connection may stay; then {@link #release} must follow exactly once */
    public boolean tryAcquire(InetAddress address) {
        boolean[] accepted = {false};
        open.compute(AddressKey.of(address), (a, n) -> {
            int current = n == null ? 0 : n;
            if (current >= maxPerAddress) {
                return n;
            }
            accepted[0] = true;
            return current + 1;
        });
        return accepted[0];
    }

    public void release(InetAddress address) {
        open.computeIfPresent(AddressKey.of(address), (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Addresses that have at least one connection (for tests and metrics). */
    public int addresses() {
        return open.size();
    }
}
