package chat.free4.session;

import chat.free4.signaling.RoomDirectory;
import chat.free4.signaling.relay.RelayConnectionConfig;
import chat.free4.signaling.relay.RelayRooms;

/** The room lists the lobby shows, without knowing which transport they come from. */
public final class RoomDirectories {
    private RoomDirectories() {
    }

    /**
     * The relay's public rooms, refreshed while watched; call {@code start()}.
     *
     * @throws IllegalArgumentException with a sentence when {@code relayUrl} is not a relay address
     */
    public static RoomDirectory publicRooms(String relayUrl, RoomDirectory.Listener listener) {
        return RelayRooms.directory(RelayConnectionConfig.parseRelay(relayUrl), listener);
    }
}
