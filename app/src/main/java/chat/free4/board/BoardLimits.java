package chat.free4.board;

/**
 * What one board accepts, from us or from a peer. A stroke or frame beyond them is refused
 * whole, so a hostile peer cannot make anyone's board huge, slow or different from the others'.
 *
 * @param width board width in pixels (coordinates 0 to width - 1)
 * @param height board height in pixels
 * @param maxPointsPerStroke a long, careful pen line is a few hundred points
 * @param maxPenWidth pixels
 * @param maxOperations the whole board; beyond it new operations are refused
 * @param liveOpsPerSecond how many new operations one peer may send per second (and as a burst, ten times that)
 */
public record BoardLimits(int width, int height, int maxPointsPerStroke, int maxPenWidth, int maxOperations,
                          double liveOpsPerSecond) {
    /** Big enough for a full-HD board and 100,000 operations (about 25 MB of points at most). */
    public static final BoardLimits DEFAULT = new BoardLimits(1920, 1080, 2_000, 64, 100_000, 60);
    /** One frame on the board's channel: a batch of operations or one preview. */
    public static final int MAX_FRAME_BYTES = 256 * 1024;
    /** Peers named in one "have" summary. */
    public static final int MAX_AUTHORS = 1_024;
    /** The largest Lamport time: as in chat, exact in any reader and far from overflow. */
    public static final long MAX_LAMPORT = 1L << 53;

    public BoardLimits {
        if (width < 1 || height < 1 || width > 8192 || height > 8192 || maxPointsPerStroke < 1
                || maxPenWidth < 1 || maxOperations < 1 || !(liveOpsPerSecond > 0)) {
            throw new IllegalArgumentException("Board limits must be positive (at most 8192 pixels a side).");
        }
    }

    /** Why {@code op} is not allowed on this board, or null if it is. */
    String refusal(BoardOp op) {
        if (op.lamport() < 1 || op.lamport() > MAX_LAMPORT) {
            return "its time is out of range";
        }
        if (op instanceof BoardOp.Stroke s) {
            int[] xy = s.xy();
            if (xy.length < 2 || xy.length % 2 != 0) {
                return "a stroke needs at least one point";
            }
            if (s.points() > maxPointsPerStroke) {
                return "a stroke of " + s.points() + " points is over the limit of " + maxPointsPerStroke;
            }
            if (s.width() < 1 || s.width() > maxPenWidth) {
                return "a pen width of " + s.width() + " is out of range";
            }
            if ((s.rgb() & 0xFF000000) != 0) {
                return "its colour is not a plain RGB colour";
            }
            for (int i = 0; i < xy.length; i += 2) {
                if (xy[i] < 0 || xy[i] >= width || xy[i + 1] < 0 || xy[i + 1] >= height) {
                    return "a point lies outside the board";
                }
            }
        } else if (op instanceof BoardOp.Undo u && !u.target().peer().equals(u.id().peer())) {
            return "it takes back someone else's stroke";
        }
        return null;
    }
}
