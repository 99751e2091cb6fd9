package chat.free4.robot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The games a robot can host, by name. A new game is one more line in {@link #create}. */
public final class Games {
    /** Rounds of draw and guess when not told: a few turns each, not the whole bank. */
    static final int DRAW_ROUNDS = 6;
    public static final List<String> NAMES = List.of("words", "interview", "guess", "draw");

    private Games() {
    }

    /**
     * A game ready to play.
     *
     * @param bank     a replacement question bank, or empty for the one shipped with the game
     * @param rounds   empty for as many as the bank has (at most {@link GameOptions#MAX_ROUNDS}; draw and
     *                 guess: {@value #DRAW_ROUNDS}, from the built-in bank in a random order)
     * @throws IllegalArgumentException with a sentence: unknown game, bad bank, bad rounds
     */
    public static Game create(String name, Optional<Path> bank, Optional<Integer> rounds, Optional<Duration> answerTime) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("There is no game called \"" + name + "\". The games are: "
                    + String.join(", ", NAMES) + ".");
        }
        QuestionBank questions = bank.map(QuestionBank::read).orElseGet(() -> QuestionBank.builtIn(name));
        int n = rounds.orElse(Math.min(questions.size(), name.equals("draw") ? DRAW_ROUNDS : GameOptions.MAX_ROUNDS));
        Duration time = answerTime.orElse(defaultAnswerTime(name));
        GameOptions options = new GameOptions(n, time, questions);
        return switch (name) {
            case "words" -> new WordsGame(options);
            case "interview" -> new InterviewGame(options);
            case "draw" -> new DrawGame(options, bank.isEmpty());
            default -> GuessGame.of(options);
        };
    }

    static Duration defaultAnswerTime(String name) {
        return switch (name) {
            case "interview" -> Duration.ofSeconds(120);
            case "guess" -> Duration.ofSeconds(45);
            case "draw" -> Duration.ofSeconds(90);
            default -> Duration.ofSeconds(20);
        };
    }
}
