package chat.free4.robot;

import chat.free4.peer.PeerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Points per player, and the sentence that sums a game up. Not thread-safe: one game's thread. */
public final class Scoreboard {

    /** One player's line on the board. */
    public record Entry(Player player, int points) {
    }

    private final Map<PeerId, Entry> entries = new LinkedHashMap<>();

    /** Makes sure a player is on the board (with 0 points if new). */
    public void join(Player player) {
        entries.putIfAbsent(player.id(), new Entry(player, 0));
    }

    public void add(Player player, int points) {
        Entry e = entries.getOrDefault(player.id(), new Entry(player, 0));
        entries.put(player.id(), new Entry(e.player(), e.points() + points));
    }

    public int points(PeerId player) {
        Entry e = entries.get(player);
        return e == null ? 0 : e.points();
    }

    /** Highest points first; ties by name, so every run of a game ranks alike. */
    public List<Entry> ranking() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparingInt(Entry::points).reversed().thenComparing(e -> e.player().name()));
        return list;
    }

    /** "Final scores: Ada 4, Bob 1. Ada wins." (or a tie, or nobody played). */
    public String sentence() {
        List<Entry> ranking = ranking();
        if (ranking.isEmpty()) {
            return "Nobody played, so there are no scores.";
        }
        StringBuilder s = new StringBuilder("Final scores: ");
        for (int i = 0; i < ranking.size(); i++) {
            Entry e = ranking.get(i);
            s.append(i == 0 ? "" : ", ").append(e.player().name()).append(' ').append(e.points());
        }
        s.append(". ");
        int best = ranking.get(0).points();
        List<String> winners = ranking.stream().filter(e -> e.points() == best).map(e -> e.player().name()).toList();
        if (best == 0) {
            s.append("Nobody scored.");
        } else if (winners.size() == 1) {
            s.append(winners.get(0)).append(" wins.");
        } else {
            s.append("A tie between ").append(String.join(" and ", winners)).append('.');
        }
        return s.toString();
    }
}
