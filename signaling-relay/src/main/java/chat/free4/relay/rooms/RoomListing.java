package chat.free4.relay.rooms;

import chat.free4.relay.protocol.Outbound;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The sorted public room list, per tag, kept until membership changes. Scanning and sorting every
 * room on every {@code list} cost about 0.5 ms of CPU at 1,024 rooms, and {@code list} is allowed
 * to anyone at the message rate.
 */
final class RoomListing {
    /** Tags people ask for are few; a flood of different tags only empties the cache. */
    private static final int MAX_CACHED_TAGS = 256;

    private record Sorted(long version, List<Outbound.RoomView> rooms) {
    }

    private final AtomicLong version = new AtomicLong();
    private final ConcurrentHashMap<String, Sorted> byTag = new ConcurrentHashMap<>();
    private final LongAdder builds = new LongAdder();

    /** A room appeared, went, or changed its number of members. */
    void changed() {
        version.incrementAndGet();
    }

    /** @param tag "" for every room */
    List<Outbound.RoomView> sorted(String tag, Supplier<List<Outbound.RoomView>> build) {
        long now = version.get();
        Sorted cached = byTag.get(tag);
        if (cached != null && cached.version == now) {
            return cached.rooms;
        }
        // Read the version before scanning: a change during the scan makes the next call rebuild.
        List<Outbound.RoomView> rooms = List.copyOf(build.get());
        builds.increment();
        if (byTag.size() >= MAX_CACHED_TAGS) {
            byTag.clear();
        }
        byTag.put(tag, new Sorted(now, rooms));
        return rooms;
    }

    /** How often the list was scanned and sorted (for tests and benchmarks). */
    long builds() {
        return builds.sum();
    }
}
