package chat.free4.relay.rooms;

import chat.free4.relay.protocol.Outbound;
import java.security.MessageDigest;

/** One peer's seat in a room. The seat outlives a connection when the peer rejoins with its secret. */
final class Member {
    final String peerId;
    final String name;
    private final byte[] secretHash;
    /** Guarded by the room's lock. */
    PeerChannel channel;

    Member(String peerId, String name, byte[] secretHash, PeerChannel channel) {
        this.peerId = peerId;
        this.name = name;
        this.secretHash = secretHash;
        this.channel = channel;
    }

    boolean secretMatches(byte[] candidateHash) {
        return secretHash != null && candidateHash != null && MessageDigest.isEqual(secretHash, candidateHash);
    }

    Outbound.PeerView view() {
        return new Outbound.PeerView(peerId, name);
    }
}
