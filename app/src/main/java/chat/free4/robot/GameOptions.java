package chat.free4.robot;

import java.time.Duration;

/**
 * How one game is played.
 *
 * @param rounds     words, questions or words to guess
 * @param answerTime how long a round waits for answers (a guessing round: for all its clues)
 * @param bank       the words or questions
 */
public record GameOptions(int rounds, Duration answerTime, QuestionBank bank) {
    public static final int MAX_ROUNDS = 50;

    public GameOptions {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("The number of rounds must be between 1 and " + MAX_ROUNDS + ".");
        }
        if (answerTime.isNegative() || answerTime.isZero()) {
            throw new IllegalArgumentException("The time to answer must be more than zero.");
        }
    }
}
