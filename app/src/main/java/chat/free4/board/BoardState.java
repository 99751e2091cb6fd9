package chat.free4.board;

import chat.free4.peer.PeerId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The board as a CRDT (decision 0022): a grow-only set of operations keyed by {@link OpId}.
 * Strokes are added, an {@link BoardOp.Undo} is a tombstone for one stroke, a {@link BoardOp.Clear}
 * hides every stroke before it in draw order. Merging is set union, so any order of arrival, with
 * any duplicates, gives the same set and the same picture. Thread-safe.
 */
public final class BoardState {
    private final BoardLimits limits;
    private final Map<OpId, BoardOp> ops = new HashMap<>();
    /** Per author, the largest n such that its operations 1..n are all here: what we "have". */
    private final Map<PeerId, Long> contiguous = new HashMap<>();
    private final Set<OpId> undone = new HashSet<>();
    private BoardOp.Clear lastClear;
    private long clock;

    public BoardState(BoardLimits limits) {
        this.limits = limits;
    }

    public BoardLimits limits() {
        return limits;
    }

    /**
     * Adds one operation. Returns false for one already here (a duplicate delivery).
     *
     * @throws BoardRefusedException if it breaks the board's limits, or reuses an id for something else
     */
    public synchronized boolean apply(BoardOp op) throws BoardRefusedException {
        String refusal = limits.refusal(op);
        if (refusal != null) {
            throw new BoardRefusedException(refusal);
        }
        BoardOp known = ops.get(op.id());
        if (known != null) {
            if (!known.equals(op)) {
                throw new BoardRefusedException("another operation already has its id");
            }
            return false;
        }
        if (ops.size() >= limits.maxOperations()) {
            throw new BoardRefusedException("the board is full (" + limits.maxOperations() + " operations)");
        }
        ops.put(op.id(), op);
        clock = Math.max(clock, op.lamport());
        PeerId author = op.id().peer();
        long have = contiguous.getOrDefault(author, 0L);
        while (ops.containsKey(new OpId(author, have + 1))) {
            have++;
        }
        contiguous.put(author, have);
        if (op instanceof BoardOp.Undo u) {
            undone.add(u.target());
        } else if (op instanceof BoardOp.Clear c && (lastClear == null || BoardOp.ORDER.compare(c, lastClear) > 0)) {
            lastClear = c;
        }
        return true;
    }

    /** A Lamport time for a new local operation: after everything this board has seen. */
    public synchronized long nextLamport() {
        clock = Math.min(BoardLimits.MAX_LAMPORT, clock + 1);
        return clock;
    }

    /** The next counter for {@code author}'s own new operation. */
    public synchronized long nextCounter(PeerId author) {
        long n = contiguous.getOrDefault(author, 0L);
        while (ops.containsKey(new OpId(author, n + 1))) {
            n++;
        }
        return n + 1;
    }

    /** The strokes to draw, in draw order: not taken back, not before the last clear. */
    public synchronized List<BoardOp.Stroke> visibleStrokes() {
        List<BoardOp.Stroke> out = new ArrayList<>();
        for (BoardOp op : ops.values()) {
            if (op instanceof BoardOp.Stroke s && !undone.contains(s.id())
                    && (lastClear == null || BoardOp.ORDER.compare(s, lastClear) > 0)) {
                out.add(s);
            }
        }
        out.sort(BoardOp.ORDER);
        return out;
    }

    public synchronized boolean contains(OpId id) {
        return ops.containsKey(id);
    }

    public synchronized boolean isUndone(OpId stroke) {
        return undone.contains(stroke);
    }

    public synchronized int size() {
        return ops.size();
    }

    /** What we have, per author: a peer sends us the operations beyond it. */
    public synchronized Map<PeerId, Long> have() {
        return Map.copyOf(contiguous);
    }

    /** Operations a peer that has {@code have} may lack, in draw order. */
    public synchronized List<BoardOp> missingFor(Map<PeerId, Long> have) {
        List<BoardOp> out = new ArrayList<>();
        for (BoardOp op : ops.values()) {
            if (op.id().counter() > have.getOrDefault(op.id().peer(), 0L)) {
                out.add(op);
            }
        }
        out.sort(BoardOp.ORDER);
        return out;
    }

    /** Every operation, in id order. */
    public synchronized List<BoardOp> operations() {
        List<BoardOp> out = new ArrayList<>(ops.values());
        out.sort(Comparator.comparing(BoardOp::id));
        return out;
    }

    /** SHA-256 of the operation set in its wire form, in id order: equal on peers with equal sets. */
    public String hash() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (BoardOp op : operations()) {
            sha.update(BoardCodec.encodeOp(op));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
