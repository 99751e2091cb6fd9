package chat.free4.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The board is a CRDT: any order of arrival, with any duplicates, gives the same set and the same pixels. */
class ShuffledDuplicatedDeliveryConvergesTest {
    private static final BoardLimits SMALL = new BoardLimits(160, 120, 2_000, 64, 100_000, 60);

    @Property(tries = 150)
    void shuffledAndDuplicatedDeliveryConverges(@ForAll long historySeed, @ForAll @IntRange(min = 1, max = 40) int opsPerAuthor,
                                                @ForAll Random delivery) {
        List<BoardOp> history = RandomBoardHistory.make(historySeed, opsPerAuthor, SMALL);
        BoardState inOrder = new BoardState(SMALL);
        history.forEach(op -> RandomBoardHistory.apply(inOrder, op));

        List<BoardOp> arrivals = new ArrayList<>(history);
        for (int i = 0, extra = delivery.nextInt(history.size() + 1); i < extra; i++) {
            arrivals.add(history.get(delivery.nextInt(history.size())));
        }
        Collections.shuffle(arrivals, delivery);
        BoardState shuffled = new BoardState(SMALL);
        arrivals.forEach(op -> RandomBoardHistory.apply(shuffled, op));

        assertEquals(inOrder.hash(), shuffled.hash());
        assertEquals(inOrder.visibleStrokes(), shuffled.visibleStrokes());
        assertEquals(BoardRenderer.pixelHash(BoardRenderer.render(inOrder)), BoardRenderer.pixelHash(BoardRenderer.render(shuffled)));
        for (BoardOp op : history) {
            if (op instanceof BoardOp.Undo u) {
                assertFalse(shuffled.visibleStrokes().stream().anyMatch(s -> s.id().equals(u.target())),
                        "a stroke taken back is never drawn");
            }
        }
    }

    @Property(tries = 50)
    void syncByHaveSummaryFillsTheGap(@ForAll long historySeed, @ForAll Random split) {
        List<BoardOp> history = RandomBoardHistory.make(historySeed, 30, SMALL);
        BoardState full = new BoardState(SMALL);
        BoardState partial = new BoardState(SMALL);
        for (BoardOp op : history) {
            RandomBoardHistory.apply(full, op);
            if (split.nextInt(3) != 0) {
                RandomBoardHistory.apply(partial, op);
            }
        }
        full.missingFor(partial.have()).forEach(op -> RandomBoardHistory.apply(partial, op));
        assertEquals(full.hash(), partial.hash());
    }
}
