package chat.free4.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoardCodecTest {
    private static final PeerId ADA = new PeerId("author-ada");

    @Test
    void operationsSurviveTheWireInBatchesUnderTheFrameLimit() throws Exception {
        List<BoardOp> history = RandomBoardHistory.make(7, 1_500, BoardLimits.DEFAULT);
        List<byte[]> frames = BoardCodec.opsFrames(history);
        assertTrue(frames.size() > 1, "a big history is cut into several frames");
        BoardState back = new BoardState(BoardLimits.DEFAULT);
        BoardState original = new BoardState(BoardLimits.DEFAULT);
        history.forEach(op -> RandomBoardHistory.apply(original, op));
        for (byte[] f : frames) {
            assertTrue(f.length <= BoardLimits.MAX_FRAME_BYTES);
            for (BoardOp op : ((BoardCodec.Ops) BoardCodec.decode(f)).ops()) {
                back.apply(op);
            }
        }
        assertEquals(original.hash(), back.hash());
        assertEquals(original.operations(), back.operations());
    }

    @Test
    void haveAndPreviewRoundTrip() throws Exception {
        BoardCodec.Have have = (BoardCodec.Have) BoardCodec.decode(BoardCodec.haveFrame(Map.of(ADA, 42L)));
        assertEquals(Map.of(ADA, 42L), have.have());
        BoardCodec.Preview p = (BoardCodec.Preview) BoardCodec.decode(BoardCodec.previewFrame(
                new BoardCodec.Preview(3, 0xFF0000, 4, false, new int[] {1, 2, 3, 4})));
        assertEquals(3, p.key());
        assertArrayEquals(new int[] {1, 2, 3, 4}, p.xy());
    }

    @Test
    void malformedFramesAreRefusedWithAReason() {
        byte[] good = BoardCodec.opsFrames(List.of(new BoardOp.Clear(new OpId(ADA, 1), 1))).get(0);
        for (int cut = 0; cut < good.length; cut++) {
            byte[] shorter = Arrays.copyOf(good, cut);
            assertThrows(BoardRefusedException.class, () -> BoardCodec.decode(shorter));
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThrows(BoardRefusedException.class, () -> BoardCodec.decode(longer));
        byte[] version = good.clone();
        version[0] = 9;
        assertThrows(BoardRefusedException.class, () -> BoardCodec.decode(version));
        assertThrows(BoardRefusedException.class, () -> BoardCodec.decode(new byte[BoardLimits.MAX_FRAME_BYTES + 1]));
        // A stroke claiming 65,535 points in a 20-byte frame must not allocate them.
        byte[] liar = {1, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertThrows(BoardRefusedException.class, () -> BoardCodec.decode(liar));
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            try {
                BoardCodec.decode(noise);
            } catch (BoardRefusedException expected) {
                // refused with a reason: fine; anything else thrown fails the test
            }
        }
    }

    @Test
    void hostileOperationsAreRefusedAndChangeNothing() throws Exception {
        BoardLimits limits = new BoardLimits(100, 100, 10, 8, 3, 60);
        BoardState board = new BoardState(limits);
        List<BoardOp> hostile = List.of(
                new BoardOp.Stroke(new OpId(ADA, 1), 1, 0, 2, false, new int[22]),            // 11 points
                new BoardOp.Stroke(new OpId(ADA, 1), 1, 0, 2, false, new int[] {100, 5}),     // off the board
                new BoardOp.Stroke(new OpId(ADA, 1), 1, 0, 9, false, new int[] {5, 5}),       // too wide
                new BoardOp.Stroke(new OpId(ADA, 1), 1, 0xFF000000, 2, false, new int[] {5, 5}),
                new BoardOp.Stroke(new OpId(ADA, 1), 0, 0, 2, false, new int[] {5, 5}),       // no time
                new BoardOp.Stroke(new OpId(ADA, 1), 1, 0, 2, false, new int[0]),
                new BoardOp.Undo(new OpId(ADA, 1), 1, new OpId(new PeerId("author-bob"), 1)));
        for (BoardOp op : hostile) {
            assertThrows(BoardRefusedException.class, () -> board.apply(op));
        }
        assertEquals(0, board.size());
        BoardOp.Stroke ok = new BoardOp.Stroke(new OpId(ADA, 1), 1, 0, 2, false, new int[] {5, 5});
        assertTrue(board.apply(ok));
        assertFalse(board.apply(ok), "a duplicate is taken once");
        assertThrows(BoardRefusedException.class,
                () -> board.apply(new BoardOp.Stroke(new OpId(ADA, 1), 1, 0xFF, 2, false, new int[] {5, 5})),
                "the first operation under an id stays");
        board.apply(new BoardOp.Clear(new OpId(ADA, 2), 2));
        board.apply(new BoardOp.Clear(new OpId(ADA, 3), 3));
        assertThrows(BoardRefusedException.class, () -> board.apply(new BoardOp.Clear(new OpId(ADA, 4), 4)), "board full");
    }
}
