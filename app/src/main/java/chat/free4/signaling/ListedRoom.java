package chat.free4.signaling;

import java.util.List;

/**
 * A room as a directory lists it: its name, how many are in it, its tags (LAN rooms have none),
 * and the display names of who is in it where the directory knows them (the LAN's announcements;
 * a relay does not say).
 */
public record ListedRoom(String name, int members, List<String> tags, List<String> people) {
    public ListedRoom {
        tags = List.copyOf(tags);
        people = List.copyOf(people);
    }

    /** A room whose people are not known (the relay's list). */
    public ListedRoom(String name, int members, List<String> tags) {
        this(name, members, tags, List.of());
    }
}
