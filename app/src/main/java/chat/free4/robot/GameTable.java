package chat.free4.robot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a {@link Game} sees of the room: a voice, the chat, the players and their answers. The robot
 * ({@link Robot}) is one table; another host (the whiteboard's draw-and-guess) can be another.
 *
 * <p>Every method may throw {@link RoomEmptyException} once nobody is left to play with; a game
 * does not catch it. Answers are kept for the current round only: {@link #openRound()} forgets them.
 */
public interface GameTable {

    /**
     * Says {@code spoken} aloud and writes {@code written} in the chat; returns once it has been
     * said. Without a voice, {@code spoken} is written instead (nothing is lost for the players).
     */
    void say(String spoken, String written) throws InterruptedException;

    /** Says a sentence and writes the same in the chat. */
    default void say(String sentence) throws InterruptedException {
        say(sentence, sentence);
    }

    /** Writes a line in the chat only. */
    void write(String line);

    /** The players in the room now; a player who left is no longer here. */
    List<Player> players();

    /** Starts a round: answers given before now are forgotten. */
    void openRound();

    /**
     * The next answer of this round from a player {@code awaited} accepts, in the order they came
     * (others' answers are dropped); empty once {@code deadline} passes or no player still in the
     * room is awaited, so one who left never stalls a round.
     */
    Optional<Answer> nextAnswer(Instant deadline, Predicate<Player> awaited) throws InterruptedException;

    /**
     * Sends one player, and nobody else, {@code payload} on the app-data topic {@code topic} (the
     * drawer's secret word in draw and guess); false when that player cannot be reached.
     */
    boolean tellPrivately(Player player, String topic, byte[] payload) throws InterruptedException;

    /**
     * Whether every peer in the room has finished connecting to the host (so a game that deals out
     * turns once can count everyone); a table that cannot tell says true.
     */
    default boolean everyoneConnected() {
        return true;
    }

    /** Whether answers can be spoken (speech recognition); when false, players answer in the chat. */
    boolean hearsSpeech();

    Clock clock();
}
