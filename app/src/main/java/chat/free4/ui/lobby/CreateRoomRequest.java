package chat.free4.ui.lobby;

import java.util.List;
import java.util.Optional;

/**
 * What the person filled in when creating (or joining by name) a room.
 *
 * @param password the room's password (an invite link's part after {@code #}); never shown by {@link #toString}
 */
public record CreateRoomRequest(String name, RoomSource source, boolean isPublic, List<String> tags,
                                Optional<String> password) {
    public CreateRoomRequest {
        name = name.strip();
        tags = List.copyOf(tags);
    }

    /** A room without a password. */
    public CreateRoomRequest(String name, RoomSource source, boolean isPublic, List<String> tags) {
        this(name, source, isPublic, tags, Optional.empty());
    }

    /** The same room with {@code typed} as its password (a prompt's answer); blank: without one. */
    public CreateRoomRequest withPassword(String typed) {
        return new CreateRoomRequest(name, source, isPublic, tags,
                typed == null || typed.isEmpty() ? Optional.empty() : Optional.of(typed));
    }

    @Override
    public String toString() {
        return "CreateRoomRequest[" + name + ", " + source + (isPublic ? ", public" : "") + ", tags " + tags
                + (password.isPresent() ? ", with a password" : "") + "]";
    }
}
