package chat.free4.board;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One operation of the board's operation set (decision 0022). Every operation has an id and a
 * Lamport time; (lamport, peer, counter) orders them the same way on every peer, which is the
 * order the board is drawn in.
 */
public sealed interface BoardOp permits BoardOp.Stroke, BoardOp.Undo, BoardOp.Clear {

    /** Draw order: Lamport time, then peer, then counter. */
    Comparator<BoardOp> ORDER = Comparator.comparingLong(BoardOp::lamport).thenComparing(BoardOp::id);

    OpId id();

    long lamport();

    /**
     * A pen or eraser line through {@code xy} (x0, y0, x1, y1, ...) in board pixels. A line tool
     * stroke is one with two points. An eraser stroke paints the board's background.
     */
    record Stroke(OpId id, long lamport, int rgb, int width, boolean eraser, int[] xy) implements BoardOp {
        public Stroke {
            xy = xy.clone();
        }

        public int points() {
            return xy.length / 2;
        }

        @Override
        public int[] xy() {
            return xy.clone();
        }

        int x(int i) {
            return xy[2 * i];
        }

        int y(int i) {
            return xy[2 * i + 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stroke s && s.id.equals(id) && s.lamport == lamport && s.rgb == rgb
                    && s.width == width && s.eraser == eraser && Arrays.equals(s.xy, xy);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    /** Takes back one of its author's own strokes: a tombstone that wins over the stroke for good. */
    record Undo(OpId id, long lamport, OpId target) implements BoardOp {
    }

    /** Clears the board: every stroke drawn before it (in draw order) is gone, on every peer. */
    record Clear(OpId id, long lamport) implements BoardOp {
    }
}
