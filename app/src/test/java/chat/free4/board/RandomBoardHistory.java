package chat.free4.board;

import chat.free4.peer.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Concurrent histories of a few authors, as their boards would make them: strokes, erasers, undos, clears. */
final class RandomBoardHistory {
    static final List<PeerId> AUTHORS = List.of(new PeerId("author-ada"), new PeerId("author-bob"), new PeerId("author-cy0"));

    private RandomBoardHistory() {
    }

    /** Each author works on its own replica and sometimes hears the others, so clocks interleave. */
    static List<BoardOp> make(long seed, int opsPerAuthor, BoardLimits limits) {
        Random random = new Random(seed);
        List<BoardState> replicas = new ArrayList<>();
        for (int i = 0; i < AUTHORS.size(); i++) {
            replicas.add(new BoardState(limits));
        }
        List<BoardOp> all = new ArrayList<>();
        List<List<OpId>> strokesOf = new ArrayList<>();
        AUTHORS.forEach(a -> strokesOf.add(new ArrayList<>()));
        for (int step = 0; step < opsPerAuthor * AUTHORS.size(); step++) {
            int who = random.nextInt(AUTHORS.size());
            BoardState mine = replicas.get(who);
            PeerId author = AUTHORS.get(who);
            OpId id = new OpId(author, mine.nextCounter(author));
            long lamport = mine.nextLamport();
            int kind = random.nextInt(100);
            BoardOp op;
            List<OpId> own = strokesOf.get(who);
            if (kind < 12 && !own.isEmpty()) {
                op = new BoardOp.Undo(id, lamport, own.get(random.nextInt(own.size())));
            } else if (kind < 14) {
                op = new BoardOp.Clear(id, lamport);
            } else {
                op = stroke(random, id, lamport, limits, kind < 24);
                own.add(id);
            }
            apply(mine, op);
            all.add(op);
            if (random.nextInt(4) == 0) { // someone hears everything so far
                BoardState hearer = replicas.get(random.nextInt(replicas.size()));
                all.forEach(o -> apply(hearer, o));
            }
        }
        return all;
    }

    static BoardOp.Stroke stroke(Random random, OpId id, long lamport, BoardLimits limits, boolean eraser) {
        int points = 1 + random.nextInt(30);
        int[] xy = new int[points * 2];
        int x = random.nextInt(limits.width());
        int y = random.nextInt(limits.height());
        for (int i = 0; i < points; i++) {
            x = Math.max(0, Math.min(limits.width() - 1, x + random.nextInt(41) - 20));
            y = Math.max(0, Math.min(limits.height() - 1, y + random.nextInt(41) - 20));
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
        }
        int rgb = random.nextInt(0x1000000);
        return new BoardOp.Stroke(id, lamport, rgb, 1 + random.nextInt(12), eraser, xy);
    }

    static void apply(BoardState board, BoardOp op) {
        try {
            board.apply(op);
        } catch (BoardRefusedException e) {
            throw new AssertionError("a valid operation was refused: " + e.getMessage());
        }
    }
}
