package chat.free4.signaling.relay;

import java.util.List;

/**
 * @deprecated the one-shot listing is {@link RelayRooms#directory}; only this record is left, for
 * the callers still on {@link RoomListListener}. Use {@link chat.free4.signaling.ListedRoom}.
 */
@Deprecated
public final class RelayRoomDirectory {

    /** A listed room. */
    public record ListedRoom(String room, int members, List<String> tags) {
    }

    private RelayRoomDirectory() {
    }
}
