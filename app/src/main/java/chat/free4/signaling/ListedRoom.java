package chat.free4.signaling;

import java.util.List;

/** A room as a directory lists it: its name, how many are in it, its tags (LAN rooms have none). */
public record ListedRoom(String name, int members, List<String> tags) {
    public ListedRoom {
        tags = List.copyOf(tags);
    }
}
