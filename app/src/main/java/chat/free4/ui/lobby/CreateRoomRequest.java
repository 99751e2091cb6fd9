package chat.free4.ui.lobby;

import java.util.List;

/** What the person filled in when creating (or joining by name) a room. */
public record CreateRoomRequest(String name, RoomSource source, boolean isPublic, List<String> tags) {
    public CreateRoomRequest {
        name = name.strip();
        tags = List.copyOf(tags);
    }
}
