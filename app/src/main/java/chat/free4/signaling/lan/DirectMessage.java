package chat.free4.signaling.lan;

import chat.free4.peer.PeerId;
import chat.free4.signaling.SignalPayload;

/** The frames of direct LAN signaling (docs/decisions: LAN signaling). */
sealed interface DirectMessage {

    /** First frame on every connection, from the callee: what the caller must sign (base64, 32 bytes). */
    record Challenge(String nonce) implements DirectMessage {
    }

    /**
     * The caller's first frame, after the challenge: who is calling, for which room, where it
     * listens, and its key (base64 X.509 Ed25519) with the signature over the challenge. For a
     * password room {@code room} is its blinded id and {@code roomProof} shows the caller knows
     * the room's secret (decision 0020); otherwise {@code roomProof} is "".
     */
    record Hello(int version, String room, PeerId peerId, String name, int port, String key, String proof,
                 boolean blinded, String roomProof) implements DirectMessage {
        /** A hello for a room without a password. */
        Hello(int version, String room, PeerId peerId, String name, int port, String key, String proof) {
            this(version, room, peerId, name, port, key, proof, false, "");
        }
    }

    record Signal(SignalPayload payload) implements DirectMessage {
    }

    /** Keeps an idle connection proven alive; the receiver drops connections silent for too long. */
    record Ping() implements DirectMessage {
    }

    /**
     * The callee's answer to a hello when its room already has 8 people: the caller is not let in.
     * Peers from before this frame read it as a protocol violation and close, as they did anyway.
     */
    record Full() implements DirectMessage {
    }

    /** The sender leaves the room. */
    record Bye() implements DirectMessage {
    }
}
