package chat.free4.session;

import chat.free4.signaling.ListedRoom;
import chat.free4.signaling.RoomDirectory;
import chat.free4.signaling.relay.RelayConnectionConfig;
import chat.free4.signaling.relay.RelayRoomDirectory;
import chat.free4.signaling.relay.RelayRoomWatcher;
import chat.free4.signaling.relay.RoomListListener;
import java.time.Duration;
import java.util.List;

/** The room lists the lobby shows, without knowing which transport they come from. */
public final class RoomDirectories {
    /** How often the lobby's public list is asked for again while it is shown. */
    private static final long PUBLIC_LIST_EVERY_MS = 3000;
    /** A person looking at the lobby should see a relay come back within seconds, not a minute. */
    private static final Duration LOBBY_MAX_BACKOFF = Duration.ofSeconds(3);

    private RoomDirectories() {
    }

    /**
     * The relay's public rooms, refreshed while watched.
     *
     * @throws IllegalArgumentException with a sentence when {@code relayUrl} is not a relay address
     */
    public static RoomDirectory publicRooms(String relayUrl, RoomDirectory.Listener listener) {
        RelayConnectionConfig base = RelayConnectionConfig.of(RelayConnectionConfig.parseRelay(relayUrl));
        RelayConnectionConfig config = new RelayConnectionConfig(base.relay(), base.pingInterval(), base.firstBackoff(),
                LOBBY_MAX_BACKOFF, base.connectTimeout());
        RelayRoomWatcher watcher = new RelayRoomWatcher(config, PUBLIC_LIST_EVERY_MS, new RoomListListener() {
            @Override
            public void onRooms(List<RelayRoomDirectory.ListedRoom> rooms) {
                listener.onRooms(rooms.stream().map(r -> new ListedRoom(r.room(), r.members(), r.tags())).toList());
            }

            @Override
            public void onReachable(boolean reachable, String sentence) {
                listener.onReachable(reachable, sentence);
            }
        });
        return new RoomDirectory() {
            @Override
            public void start() {
                watcher.start();
            }

            @Override
            public void refresh(String tag) {
                watcher.refresh(tag);
            }

            @Override
            public void close() {
                watcher.close();
            }
        };
    }
}
