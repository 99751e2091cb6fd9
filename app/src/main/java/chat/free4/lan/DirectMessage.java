package chat.free4.lan;

import chat.free4.signaling.PeerId;
import chat.free4.signaling.SignalPayload;

/** The frames of direct LAN signaling (docs/decisions: LAN signaling). */
sealed interface DirectMessage {

    /** First frame on every connection: who is calling, for which room, and where it listens. */
    record Hello(int version, String room, PeerId peerId, String name, int port) implements DirectMessage {
    }

    record Signal(SignalPayload payload) implements DirectMessage {
    }

    /** Keeps an idle connection proven alive; the receiver drops connections silent for too long. */
    record Ping() implements DirectMessage {
    }

    /** The sender leaves the room. */
    record Bye() implements DirectMessage {
    }
}
