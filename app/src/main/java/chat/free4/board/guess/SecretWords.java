package chat.free4.board.guess;

import chat.free4.data.AppDataService;
import chat.free4.peer.PeerId;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A player's side: the words the game's host sends this peer to draw, taken from the host only. */
public final class SecretWords {
    /** Longer than any word worth drawing; a longer payload is not a word. */
    public static final int MAX_WORD_BYTES = 200;

    private SecretWords() {
    }

    /** Calls {@code toDraw} with each word {@code host} gives us; returns the handle that stops listening. */
    public static AutoCloseable listen(AppDataService app, PeerId host, Consumer<String> toDraw) {
        return app.subscribe(DrawAndGuessHost.TOPIC, (from, topic, payload) -> {
            // An empty payload ends the drawer's turn (a robot host sends one); it is not a word.
            if (from.id().equals(host) && payload.length > 0 && payload.length <= MAX_WORD_BYTES) {
                toDraw.accept(chat.free4.data.Untrusted.forDisplay(new String(payload, StandardCharsets.UTF_8), 100));
            }
        });
    }
}
