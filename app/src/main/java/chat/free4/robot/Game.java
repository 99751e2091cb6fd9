package chat.free4.robot;

/**
 * A game a host runs in a room: it talks and listens through a {@link GameTable} and ends with a
 * {@link Scoreboard}. One instance plays once, on the host's thread; it may block (waiting for
 * answers) and must return when interrupted. New games are added to {@link Games}.
 */
public interface Game {

    /** The name on the command line ({@code --game NAME}) and in the room. */
    String name();

    /** Plays to the end; the table's sentences and the board are the only things the players see. */
    Scoreboard play(GameTable table) throws InterruptedException;
}
