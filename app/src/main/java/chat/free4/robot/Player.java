package chat.free4.robot;

import chat.free4.peer.PeerId;

/** Someone playing: a peer in the room other than the host, by the name signaling knows. */
public record Player(PeerId id, String name) {
}
