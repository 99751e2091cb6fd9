package chat.free4.board.guess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawAndGuessTest {
    private static final PeerId ADA = new PeerId("player-ada");
    private static final PeerId BOB = new PeerId("player-bob");
    private static final PeerId CY = new PeerId("player-cy0");

    @Test
    void theDrawerRotatesTheFirstCorrectGuessWinsAndTheScoresAddUp() {
        DrawAndGuess game = new DrawAndGuess(List.of(ADA, BOB, CY), List.of("apple", "Café", "bicycle", "moon"));
        DrawAndGuess.Round r1 = game.nextRound().orElseThrow();
        assertEquals(ADA, r1.drawer());
        assertEquals(DrawAndGuess.Outcome.DRAWER_CANNOT_GUESS, game.guess(ADA, "apple"));
        assertEquals(DrawAndGuess.Outcome.WRONG, game.guess(BOB, "pear"));
        assertEquals(DrawAndGuess.Outcome.NOT_PLAYING, game.guess(new PeerId("stranger1"), "apple"));
        assertEquals(DrawAndGuess.Outcome.FIRST_CORRECT, game.guess(CY, "  APPLE! "));
        assertEquals(DrawAndGuess.Outcome.NO_ROUND, game.guess(BOB, "apple"), "only the first correct guess counts");

        assertEquals(BOB, game.nextRound().orElseThrow().drawer());
        assertEquals(DrawAndGuess.Outcome.FIRST_CORRECT, game.guess(ADA, "cafe"), "accents and case do not matter");
        assertEquals(CY, game.nextRound().orElseThrow().drawer());
        // Nobody guesses "bicycle": the host moves on.
        assertEquals(ADA, game.nextRound().orElseThrow().drawer(), "the drawer comes round again");
        assertEquals(DrawAndGuess.Outcome.FIRST_CORRECT, game.guess(CY, "moon"));
        assertTrue(game.nextRound().isEmpty());
        assertTrue(game.over());
        assertEquals(List.of(new DrawAndGuess.Score(ADA, 4), new DrawAndGuess.Score(CY, 4), new DrawAndGuess.Score(BOB, 1)),
                game.scoreboard(), "highest first, a tie in the players' order");
    }
}
