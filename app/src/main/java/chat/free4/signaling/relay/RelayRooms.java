package chat.free4.signaling.relay;

import chat.free4.signaling.RoomDirectory;
import java.net.URI;
import java.time.Duration;

/** The relay's public rooms as a {@link RoomDirectory}, for callers that need not know how. */
public final class RelayRooms {
    /** How often the list is asked for again while it is watched. */
    private static final long LIST_EVERY_MILLIS = 3000;
    /** A person looking at the list should see a relay come back within seconds, not a minute. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(3);

    private RelayRooms() {
    }

    /** Up to 100 rooms, hottest first, asked for again every 3 s; call {@code start()}. */
    public static RoomDirectory directory(URI relay, RoomDirectory.Listener listener) {
        return directory(relay, RelayRoomWatcher.MAX_LIMIT, listener);
    }

    /** Like {@link #directory(URI, RoomDirectory.Listener)}, with at most {@code limit} (1 to 100) rooms in each list. */
    public static RoomDirectory directory(URI relay, int limit, RoomDirectory.Listener listener) {
        RelayConnectionConfig base = RelayConnectionConfig.of(relay);
        RelayConnectionConfig config = new RelayConnectionConfig(base.relay(), base.pingInterval(), base.firstBackoff(),
                MAX_BACKOFF, base.connectTimeout());
        return new RelayRoomWatcher(config, LIST_EVERY_MILLIS, limit, listener);
    }
}
