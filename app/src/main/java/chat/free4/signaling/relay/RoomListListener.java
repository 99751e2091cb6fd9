package chat.free4.signaling.relay;

import java.util.List;

/** @deprecated use {@link chat.free4.signaling.RoomDirectory.Listener} with {@link RelayRooms#directory}. */
@Deprecated
public interface RoomListListener {

    /** The relay's public rooms, hottest first, for the current tag filter. */
    void onRooms(List<RelayRoomDirectory.ListedRoom> rooms);

    /** Whether the relay can be reached; {@code sentence} says why not (empty when reachable). */
    void onReachable(boolean reachable, String sentence);
}
