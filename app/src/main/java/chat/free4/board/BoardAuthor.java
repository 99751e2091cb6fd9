package chat.free4.board;

import chat.free4.peer.PeerId;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who made a board operation: one peer on one board, "PEERID_XXXXXXXX" (the peer's id, cut to 40
 * characters, and 8 random hex digits). A peer that leaves and comes back starts a new board with
 * counters from 1 again; a fresh author keeps those from clashing with its own earlier
 * operations, which the room still has.
 */
final class BoardAuthor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PEER_PART = 40;

    private BoardAuthor() {
    }

    static PeerId fresh(PeerId peer) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return new PeerId(prefix(peer) + HexFormat.of().formatHex(suffix));
    }

    /** Whether {@code author} is one of {@code peer}'s boards: live operations are taken only from their author. */
    static boolean of(PeerId author, PeerId peer) {
        String p = prefix(peer);
        return author.value().length() == p.length() + 8 && author.value().startsWith(p);
    }

    private static String prefix(PeerId peer) {
        String v = peer.value();
        return v.substring(0, Math.min(v.length(), PEER_PART)) + "_";
    }
}
