package chat.free4.session;

import chat.free4.board.guess.DrawAndGuessHost;
import chat.free4.board.guess.SecretWords;
import chat.free4.data.Untrusted;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The word a robot's draw and guess gives this peer to draw, privately (PROTOCOL.md): only from a
 * peer whose robot badge says it hosts {@code draw}, at most {@link SecretWords#MAX_WORD_BYTES}
 * bytes, cleaned for display. An empty word ends the turn.
 */
public final class DrawWords {
    private DrawWords() {
    }

    /** Calls {@code onWord} with each word (or "" when the turn is over); close the handle to stop. */
    public static AutoCloseable follow(SessionRoom room, RobotClaims claims, Consumer<String> onWord) {
        return room.app().subscribe(DrawAndGuessHost.TOPIC, (from, topic, payload) -> {
            if (claims.game(from.id()).filter("draw"::equals).isPresent()
                    && payload.length <= SecretWords.MAX_WORD_BYTES) {
                onWord.accept(Untrusted.forDisplay(new String(payload, StandardCharsets.UTF_8), 100));
            }
        });
    }
}
