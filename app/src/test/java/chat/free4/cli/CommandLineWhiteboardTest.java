package chat.free4.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.Main;
import chat.free4.board.BoardLimits;
import chat.free4.board.BoardRenderer;
import chat.free4.board.BoardService;
import chat.free4.board.StrokeScript;
import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.testlan.ChildPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code free4chat join --draw FILE --save-board FILE.png}: Ada replays the sample strokes file,
 * Bob only watches; both write the board when they leave, and both pictures are the pixels of the
 * file drawn on a board here.
 */
class CommandLineWhiteboardTest {
    private static final Path SAMPLE = Path.of("../docs/examples/strokes.txt");

    @Test
    void aStrokesFileDrawnByOnePeerIsSavedAlikeByBoth(@TempDir Path tmp) throws Exception {
        Path adaPng = tmp.resolve("ada.png");
        Path bobPng = tmp.resolve("bob.png");
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             ChildPeer ada = join("ada", relay, "--draw", SAMPLE.toString(), "--save-board", adaPng.toString());
             ChildPeer bob = join("bob", relay, "--save-board", bobPng.toString())) {
            ada.awaitLine("bob: connected", Duration.ofSeconds(30));
            ada.awaitLine("drew the strokes file: \\d+ operations on the board", Duration.ofSeconds(30));
            Matcher adaSaved = ada.awaitLine("saved the board to .* \\((\\d+) operations, hash (\\w+)\\)", Duration.ofSeconds(60));
            Matcher bobSaved = bob.awaitLine("saved the board to .* \\((\\d+) operations, hash (\\w+)\\)", Duration.ofSeconds(60));
            assertEquals(adaSaved.group(1), bobSaved.group(1), "operations on Ada's and Bob's board");
            assertEquals(adaSaved.group(2), bobSaved.group(2), "operation-set hash");
        }
        BoardService here = new BoardService(new PeerInfo(PeerId.random(), "here"));
        StrokeScript.read(SAMPLE, BoardLimits.DEFAULT).replay(here, StrokeScript.Pacer.none());
        String expected = BoardRenderer.pixelHash(here.render());
        assertEquals(expected, BoardRenderer.pixelHash(ImageIO.read(adaPng.toFile())), "Ada's PNG");
        assertEquals(expected, BoardRenderer.pixelHash(ImageIO.read(bobPng.toFile())), "Bob's PNG");
        assertTrue(here.board().visibleStrokes().size() > 300, "the sample has a few hundred strokes");
    }

    @Test
    void aWrongStrokesFileIsRefusedBeforeJoining(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "pen #FF0000 4 10,10 20,20\npen red 4 10,10\n");
        try (ChildPeer cy = ChildPeer.startJava("cy", Main.class.getName(), List.of("join", "--relay", "ws://127.0.0.1:9/v1",
                "--room", "cli-board", "--draw", bad.toString()))) {
            cy.awaitLine("Line 2 of the strokes file: a colour is written #RRGGBB, e\\.g\\. #1E90FF\\.", Duration.ofSeconds(20));
            assertTrue(cy.awaitExit(Duration.ofSeconds(20)));
            assertEquals(ExitCodes.BAD_ARGUMENTS, cy.process().exitValue());
        }
    }

    private static ChildPeer join(String name, TestRelay relay, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("join", "--relay", relay.uri().toString(),
                "--room", "cli-board", "--name", name, "--levels-every", "0", "--seconds", "12"));
        args.addAll(List.of(extra));
        return ChildPeer.startJava(name, Main.class.getName(), args);
    }
}
