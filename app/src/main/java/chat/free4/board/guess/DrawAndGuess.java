package chat.free4.board.guess;

import chat.free4.peer.PeerId;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of draw-and-guess, with no network and no clock, so a person's host and a robot host
 * can both run it: rounds rotate the drawer through the players, the drawer alone knows the
 * word, the first player to write it wins the round (2 points, and 1 for the drawer), and the
 * game ends after one round per word. Not thread-safe: one host thread.
 */
public final class DrawAndGuess {
    public static final int GUESSER_POINTS = 2;
    public static final int DRAWER_POINTS = 1;

    private final List<PeerId> players;
    private final List<String> words;
    private final Map<PeerId, Integer> scores = new LinkedHashMap<>();
    private int played;
    private Round current;

    /** One round: who draws what; {@code winner} once someone guessed it. */
    public record Round(int number, PeerId drawer, String word, Optional<PeerId> winner) {
    }

    /** What one chat line did to the round. */
    public enum Outcome { FIRST_CORRECT, WRONG, DRAWER_CANNOT_GUESS, NOT_PLAYING, NO_ROUND }

    /** One line of the scoreboard. */
    public record Score(PeerId player, int points) {
    }

    public DrawAndGuess(List<PeerId> players, List<String> words) {
        if (players.size() < 2) {
            throw new IllegalArgumentException("Draw and guess needs at least two players.");
        }
        if (words.isEmpty() || words.stream().anyMatch(w -> normalise(w).isEmpty())) {
            throw new IllegalArgumentException("Draw and guess needs words to draw.");
        }
        this.players = List.copyOf(players);
        this.words = List.copyOf(words);
        players.forEach(p -> scores.put(p, 0));
    }

    /** Starts the next round (ending the current one unguessed); empty when every word was played. */
    public Optional<Round> nextRound() {
        if (played >= words.size()) {
            current = null;
            return Optional.empty();
        }
        PeerId drawer = players.get(played % players.size());
        current = new Round(played + 1, drawer, words.get(played), Optional.empty());
        played++;
        return Optional.of(current);
    }

    /** A player's chat line while a round runs. */
    public Outcome guess(PeerId player, String text) {
        if (current == null || current.winner().isPresent()) {
            return Outcome.NO_ROUND;
        }
        if (!scores.containsKey(player)) {
            return Outcome.NOT_PLAYING;
        }
        if (player.equals(current.drawer())) {
            return Outcome.DRAWER_CANNOT_GUESS;
        }
        if (!normalise(text).equals(normalise(current.word()))) {
            return Outcome.WRONG;
        }
        current = new Round(current.number(), current.drawer(), current.word(), Optional.of(player));
        scores.merge(player, GUESSER_POINTS, Integer::sum);
        scores.merge(current.drawer(), DRAWER_POINTS, Integer::sum);
        return Outcome.FIRST_CORRECT;
    }

    public Optional<Round> current() {
        return Optional.ofNullable(current);
    }

    public boolean over() {
        return played >= words.size() && (current == null || current.winner().isPresent());
    }

    /** Highest first; equal points in the players' order. */
    public List<Score> scoreboard() {
        List<Score> out = new ArrayList<>();
        scores.forEach((p, n) -> out.add(new Score(p, n)));
        out.sort(Comparator.comparingInt(Score::points).reversed());
        return out;
    }

    /** Case, accents, spacing and punctuation around the word do not matter: "  Café! " is "cafe". */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
