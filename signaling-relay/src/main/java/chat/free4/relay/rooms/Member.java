package chat.free4.relay.rooms;

import chat.free4.relay.protocol.Outbound;
import java.security.MessageDigest;

/**
 * One peer's seat in a room. The seat outlives a connection when the peer rejoins with its secret;
 * while it has no connection (a dropped socket) it is reserved for that secret.
 */
final class Member {
    final String peerId;
    final String name;
    /** The form of {@link #name} that lookalike names share (see {@code NameSkeleton}). */
    final String nameKey;
    private final byte[] secretHash;
    /** Guarded by the room's lock; null while the seat is reserved for its secret. */
    MemberOutbox channel;
    /** Guarded by the room's lock; when a reserved seat is given up (System.nanoTime), else 0. */
    long reservedUntilNanos;

    Member(String peerId, String name, String nameKey, byte[] secretHash, MemberOutbox channel) {
        this.peerId = peerId;
        this.name = name;
        this.nameKey = nameKey;
        this.secretHash = secretHash;
        this.channel = channel;
    }

    boolean hasSecret() {
        return secretHash != null;
    }

    /** The secret's hash as the cluster stores it; "" without a secret. */
    String secretHashHex() {
        return secretHash == null ? "" : java.util.HexFormat.of().formatHex(secretHash);
    }

    boolean secretMatches(byte[] candidateHash) {
        return secretHash != null && candidateHash != null && MessageDigest.isEqual(secretHash, candidateHash);
    }

    boolean reserved() {
        return channel == null;
    }

    Outbound.PeerView view() {
        return new Outbound.PeerView(peerId, name);
    }
}
