package chat.free4.board;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Real sessions, real WebRTC data channels, a real relay: the board converges to one picture. */
class ThreePeersDrawOneBoardTest {

    @Test
    void threePeersDrawingConcurrentlyEndWithTheSameSetAndTheSamePixels() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             BoardPeer ada = new BoardPeer("Ada");
             BoardPeer bob = new BoardPeer("Bob");
             BoardPeer cy = new BoardPeer("Cy")) {
            List<BoardPeer> peers = List.of(ada.join(relay.uri(), "board-room"), bob.join(relay.uri(), "board-room"),
                    cy.join(relay.uri(), "board-room"));
            await().atMost(Duration.ofSeconds(30)).until(() -> peers.stream().allMatch(p -> p.board().connectedPeers().size() == 2));

            AtomicInteger made = new AtomicInteger();
            List<CompletableFuture<Void>> drawing = new ArrayList<>();
            for (int i = 0; i < peers.size(); i++) {
                BoardService board = peers.get(i).board();
                long seed = 100 + i;
                boolean clears = i == 1;
                drawing.add(CompletableFuture.runAsync(() -> made.addAndGet(scribble(board, seed, 300, clears))));
            }
            CompletableFuture.allOf(drawing.toArray(CompletableFuture[]::new)).get();

            await().atMost(Duration.ofSeconds(30)).until(() -> peers.stream().allMatch(p -> p.board().board().size() == made.get()));
            String hash = ada.board().board().hash();
            String pixels = pngPixels(ada.board());
            for (BoardPeer p : peers) {
                assertEquals(hash, p.board().board().hash(), p.info.displayName() + "'s operation set");
                assertEquals(pixels, pngPixels(p.board()), p.info.displayName() + "'s picture");
            }
            assertTrue(ada.board().board().visibleStrokes().size() > 100, "strokes after the clear are on the board");
        }
    }

    /**
     * Draws {@code strokes} random strokes (a tenth of them with the eraser), taking back and
     * redrawing some; one peer clears the board half way. Returns how many operations it made.
     */
    static int scribble(BoardService board, long seed, int strokes, boolean clearHalfWay) {
        Random random = new Random(seed);
        BoardLimits limits = board.board().limits();
        int ops = 0;
        try {
            for (int i = 0; i < strokes; i++) {
                int points = 2 + random.nextInt(40);
                int[] xy = new int[points * 2];
                int x = random.nextInt(limits.width());
                int y = random.nextInt(limits.height());
                for (int p = 0; p < points; p++) {
                    x = Math.max(0, Math.min(limits.width() - 1, x + random.nextInt(31) - 15));
                    y = Math.max(0, Math.min(limits.height() - 1, y + random.nextInt(31) - 15));
                    xy[2 * p] = x;
                    xy[2 * p + 1] = y;
                }
                board.draw(random.nextInt(0x1000000), 1 + random.nextInt(16), random.nextInt(10) == 0, xy);
                ops++;
                int r = random.nextInt(100);
                if (r < 12 && board.undo().isPresent()) {
                    ops++;
                    if (r < 4 && board.redo().isPresent()) {
                        ops++;
                    }
                }
                if (clearHalfWay && i == strokes / 2) {
                    board.clear();
                    ops++;
                }
            }
        } catch (BoardRefusedException e) {
            throw new AssertionError("our own stroke was refused: " + e.getMessage());
        }
        return ops;
    }

    /** The pixels of the board's PNG as written and read back (what --save-board and Export give). */
    static String pngPixels(BoardService board) throws Exception {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(BoardRenderer.png(board.render())));
        return BoardRenderer.pixelHash(back);
    }
}
