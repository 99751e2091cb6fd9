package chat.free4.robot;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Word practice: the robot says a word or short sentence, each player types it back once; 2 points
 * when it is spelled right, 1 when one letter is off. A scoreboard at the end.
 */
public final class WordsGame implements Game {
    static final int RIGHT = 2;
    static final int CLOSE = 1;

    private final GameOptions options;

    WordsGame(GameOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "words";
    }

    @Override
    public Scoreboard play(GameTable table) throws InterruptedException {
        Scoreboard board = new Scoreboard();
        table.players().forEach(board::join);
        int rounds = options.rounds();
        table.say("Let's practise words. I will say " + rounds + (rounds == 1 ? " word" : " words")
                + ". Type each one in the chat.");
        for (int round = 0; round < rounds; round++) {
            String word = options.bank().item(round);
            table.openRound();
            String number = "Word " + (round + 1) + " of " + rounds;
            table.say(number + ": " + word + ".", number + ": listen and type it.");
            Instant deadline = table.clock().instant().plus(options.answerTime());
            Set<Player> answered = new HashSet<>();
            while (true) {
                var answer = table.nextAnswer(deadline, p -> !answered.contains(p)); // one answer per player and word
                if (answer.isEmpty()) {
                    break;
                }
                Player p = answer.get().player();
                answered.add(p);
                board.join(p);
                int off = Spelling.distance(answer.get().text(), word);
                if (off == 0) {
                    board.add(p, RIGHT);
                    table.say("Right, " + p.name() + ".");
                } else if (off == 1) {
                    board.add(p, CLOSE);
                    table.say("Close, " + p.name() + ". It is " + word + ".");
                } else {
                    table.say("Not quite, " + p.name() + ". It is " + word + ".");
                }
            }
        }
        table.say(board.sentence());
        return board;
    }
}
