package chat.free4.ui.lobby;

import java.util.List;
import java.util.Locale;

/** One row of the lobby: a room someone can join. */
public record RoomEntry(String name, int members, List<String> tags, RoomSource source) {
    public RoomEntry {
        tags = List.copyOf(tags);
    }

    /** Case-insensitive match on the room's name, for the lobby's search field. */
    public boolean nameContains(String query) {
        return query == null || query.isBlank()
                || name.toLowerCase(Locale.ROOT).contains(query.strip().toLowerCase(Locale.ROOT));
    }

    public boolean hasTag(String tag) {
        return tag == null || tag.isBlank() || tags.contains(tag);
    }

    public String membersText() {
        return members == 1 ? "1 person" : members + " people";
    }
}
