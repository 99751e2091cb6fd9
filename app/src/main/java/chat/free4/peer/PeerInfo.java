package chat.free4.peer;

/** A member of a room as signaling knows it. */
public record PeerInfo(PeerId id, String displayName) {
}
