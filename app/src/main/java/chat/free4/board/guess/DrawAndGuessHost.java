package chat.free4.board.guess;

import chat.free4.chat.ChatLogListener;
import chat.free4.chat.ChatMessage;
import chat.free4.peer.PeerId;
import chat.free4.session.SessionRoom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hosts a game of {@link DrawAndGuess} in a room: the drawer gets the word privately (app data,
 * topic {@value #TOPIC}, to that peer only), the others guess in the chat, and the host writes in
 * the chat who draws, who guessed first and the scores at the end. A round nobody guesses ends
 * after {@code roundTime}. The host does not play; a robot can be the host. Closing stops it.
 */
public final class DrawAndGuessHost implements AutoCloseable {
    public static final String TOPIC = "draw-guess-word";

    private final SessionRoom room;
    private final DrawAndGuess game;
    private final Duration roundTime;
    private final Function<PeerId, String> names;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "draw-and-guess");
        t.setDaemon(true);
        return t;
    });
    private final ChatLogListener guesses = this::onChat;
    private ScheduledFuture<?> timeout;

    public DrawAndGuessHost(SessionRoom room, List<PeerId> players, List<String> words, Duration roundTime,
                            Function<PeerId, String> names) {
        this.room = room;
        this.game = new DrawAndGuess(players, words);
        this.roundTime = roundTime;
        this.names = names;
    }

    /** Starts the first round. */
    public void start() {
        room.chat().follow(guesses);
        thread.execute(this::nextRound);
    }

    private void onChat(ChatMessage m, int index) {
        if (m.isSystem() || m.sender().equals(room.self().id())) {
            return;
        }
        thread.execute(() -> {
            if (game.guess(m.sender(), m.text()) == DrawAndGuess.Outcome.FIRST_CORRECT) {
                DrawAndGuess.Round r = game.current().orElseThrow();
                room.chat().send(names.apply(m.sender()) + " guessed it first: " + r.word() + ".");
                nextRound();
            }
        });
    }

    private void nextRound() {
        if (timeout != null) {
            timeout.cancel(false);
        }
        Optional<DrawAndGuess.Round> next = game.nextRound();
        if (next.isEmpty()) {
            StringBuilder line = new StringBuilder("Game over. Scores:");
            for (DrawAndGuess.Score s : game.scoreboard()) {
                line.append(' ').append(names.apply(s.player())).append(' ').append(s.points()).append(',');
            }
            line.setLength(line.length() - 1);
            room.chat().send(line + ".");
            return;
        }
        DrawAndGuess.Round r = next.get();
        try {
            room.app().send(r.drawer(), TOPIC, r.word().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            room.chat().send(names.apply(r.drawer()) + " is not connected; skipping this round.");
            thread.execute(this::nextRound);
            return;
        }
        room.chat().send("Round " + r.number() + ": " + names.apply(r.drawer()) + " draws. Guess in the chat!");
        int number = r.number();
        timeout = thread.schedule(() -> {
            if (game.current().filter(c -> c.number() == number && c.winner().isEmpty()).isPresent()) {
                room.chat().send("Nobody guessed it: it was " + r.word() + ".");
                nextRound();
            }
        }, roundTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        room.chat().unfollow(guesses);
        thread.shutdownNow();
    }
}
