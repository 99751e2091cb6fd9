package chat.free4.robot;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Interview practice: the robot asks the bank's questions one by one, waits for each player's
 * answer, keeps time and sums up. A point per question answered in time. Only how long each answer
 * took is kept, never what was said.
 */
public final class InterviewGame implements Game {
    private final GameOptions options;

    InterviewGame(GameOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "interview";
    }

    @Override
    public Scoreboard play(GameTable table) throws InterruptedException {
        Scoreboard board = new Scoreboard();
        table.players().forEach(board::join);
        Map<Player, Duration> time = new HashMap<>();
        int rounds = options.rounds();
        long seconds = options.answerTime().toSeconds();
        table.say("Let's practise an interview. I will ask " + rounds + (rounds == 1 ? " question" : " questions")
                + ". You have " + seconds + " seconds for each; answer in the chat.");
        for (int round = 0; round < rounds; round++) {
            table.openRound();
            table.say("Question " + (round + 1) + ": " + options.bank().item(round));
            Instant asked = table.clock().instant();
            Instant deadline = asked.plus(options.answerTime());
            Set<Player> answered = new HashSet<>();
            while (true) {
                var answer = table.nextAnswer(deadline, p -> !answered.contains(p));
                if (answer.isEmpty()) {
                    if (!table.clock().instant().isBefore(deadline)) {
                        table.say("Time is up for this question.");
                    }
                    break;
                }
                Player p = answer.get().player();
                answered.add(p);
                board.join(p);
                board.add(p, 1);
                time.merge(p, Duration.between(asked, answer.get().at()), Duration::plus);
                table.say("Thank you, " + p.name() + ".");
            }
        }
        table.say(summary(board, time, rounds));
        return board;
    }

    private static String summary(Scoreboard board, Map<Player, Duration> time, int rounds) {
        StringBuilder s = new StringBuilder("That is the end of the interview.");
        for (Scoreboard.Entry e : board.ranking()) {
            int n = e.points();
            s.append(' ').append(e.player().name()).append(" answered ").append(n).append(" of ").append(rounds)
                    .append(rounds == 1 ? " question" : " questions");
            if (n > 0) {
                long avg = Math.round(time.get(e.player()).toMillis() / 1000.0 / n);
                s.append(", in ").append(avg).append(avg == 1 ? " second" : " seconds").append(" on average");
            }
            s.append('.');
        }
        return s.toString();
    }
}
