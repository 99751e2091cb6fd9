package chat.free4.signaling;

import chat.free4.peer.PeerId;
import java.util.List;
import java.util.Optional;

/**
 * What a peer asks for when it joins a room.
 *
 * @param password the room's password, for a password room (relay: decision 0018, LAN:
 *                 decision 0020); its {@code toString} never shows it, so neither does this record's
 */
public record RoomRequest(String room, String displayName, PeerId selfId, boolean isPublic, List<String> tags,
                          Optional<RoomPassword> password) {
    public RoomRequest {
        tags = List.copyOf(tags);
    }

    /** A room without a password. */
    public RoomRequest(String room, String displayName, PeerId selfId, boolean isPublic, List<String> tags) {
        this(room, displayName, selfId, isPublic, tags, Optional.empty());
    }

    /**
     * The same request with the password {@code typed} (an invite link's, a dialog's).
     *
     * @throws IllegalArgumentException with a sentence when it is empty or too long
     */
    public RoomRequest withPassword(char[] typed) {
        return withPassword(RoomPassword.of(typed));
    }

    /** The same request with {@code password}. */
    public RoomRequest withPassword(RoomPassword password) {
        return new RoomRequest(room, displayName, selfId, isPublic, tags, Optional.of(password));
    }
}
