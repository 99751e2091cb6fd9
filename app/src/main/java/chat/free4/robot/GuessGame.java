package chat.free4.robot;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guess the word: the robot picks a word and gives spoken clues one by one; players guess in the
 * chat. The first right guess wins the round, with more points the fewer clues it needed (as many
 * points as clues were still unsaid, plus one). The bank's lines are {@code word | clue | clue ...}.
 */
public final class GuessGame implements Game {
    /** Guesses counted per player and round; more are ignored (a flood gains nothing). */
    static final int MAX_GUESSES = 10;

    record Item(String word, List<String> clues) {
    }

    private final GameOptions options;
    private final List<Item> items;

    private GuessGame(GameOptions options, List<Item> items) {
        this.options = options;
        this.items = items;
    }

    static GuessGame of(GameOptions options) {
        List<Item> items = options.bank().items().stream().map(GuessGame::item).toList();
        return new GuessGame(options, items);
    }

    private static Item item(String line) {
        List<String> parts = Arrays.stream(line.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (parts.size() < 2) {
            throw new IllegalArgumentException("Each line of a guessing bank needs a word and at least one clue,"
                    + " like: apple | a fruit | red or green.");
        }
        return new Item(parts.get(0), parts.subList(1, parts.size()));
    }

    @Override
    public String name() {
        return "guess";
    }

    @Override
    public Scoreboard play(GameTable table) throws InterruptedException {
        Scoreboard board = new Scoreboard();
        table.players().forEach(board::join);
        int rounds = options.rounds();
        table.say("Let's play guess the word. I will give clues one by one; type your guess in the chat."
                + " The sooner you get it, the more points.");
        for (int round = 0; round < rounds; round++) {
            Item item = items.get(round % items.size());
            table.openRound();
            table.say("Word " + (round + 1) + " of " + rounds + ".");
            Player winner = null;
            Map<Player, Integer> guesses = new HashMap<>();
            long perClue = options.answerTime().toMillis() / item.clues().size();
            for (int c = 0; c < item.clues().size() && winner == null; c++) {
                table.say("Clue " + (c + 1) + ": " + item.clues().get(c));
                Instant deadline = table.clock().instant().plusMillis(perClue);
                while (winner == null) {
                    var answer = table.nextAnswer(deadline, p -> guesses.getOrDefault(p, 0) < MAX_GUESSES);
                    if (answer.isEmpty()) {
                        break;
                    }
                    Player p = answer.get().player();
                    guesses.merge(p, 1, Integer::sum);
                    if (Spelling.distance(answer.get().text(), item.word()) == 0) {
                        winner = p;
                        int points = item.clues().size() - c;
                        board.join(p);
                        board.add(p, points);
                        table.say(p.name() + " got it: " + item.word() + ". " + points
                                + (points == 1 ? " point." : " points."));
                    }
                }
            }
            if (winner == null) {
                table.say("Nobody got it. The word was " + item.word() + ".");
            }
        }
        table.say(board.sentence());
        return board;
    }
}
