package chat.free4.board;

import chat.free4.peer.PeerId;
import java.util.Comparator;

/**
 * Names one board operation for good: the peer that made it and that peer's own counter (1, 2,
 * 3, ...). Two peers never make the same id, so the board can be a set of operations.
 */
public record OpId(PeerId peer, long counter) implements Comparable<OpId> {
    private static final Comparator<OpId> ORDER = Comparator.comparing(OpId::peer).thenComparingLong(OpId::counter);

    public OpId {
        if (peer == null || counter < 1) {
            throw new IllegalArgumentException("An operation needs a peer and a counter from 1.");
        }
    }

    @Override
    public int compareTo(OpId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return peer + "/" + counter;
    }
}
