package chat.free4.engine;

import chat.free4.peer.PeerId;
import chat.free4.signaling.SignalingState;
import java.util.List;

/**
 * An immutable snapshot of the room this engine is in (or none).
 *
 * @param room       the room name, empty when not in a room
 * @param selfId     my peer id, null when not in a room
 * @param selfName   my display name
 * @param signaling  where the signaling transport stands
 * @param signalingWords a sentence about signaling for a person, may be empty
 * @param micMuted   my microphone is muted
 * @param selfLevel  level of what I send, 0 to 1
 * @param peers      the remote peers in join order
 * @param maxPeers   the room's size limit including me (from the relay), 0 if unknown
 * @param listedAgainstWish the relay lists the room publicly though I asked for a private one
 *                   (whoever opened it first decides)
 */
public record RoomSnapshot(String room, PeerId selfId, String selfName, SignalingState signaling, String signalingWords,
                       boolean micMuted, double selfLevel, List<PeerView> peers, int maxPeers,
                       boolean listedAgainstWish) {

    public RoomSnapshot {
        peers = List.copyOf(peers);
    }

    public static RoomSnapshot empty() {
        return new RoomSnapshot("", null, "", SignalingState.CLOSED, "", false, 0, List.of(), 0, false);
    }

    public boolean inRoom() {
        return selfId != null && signaling != SignalingState.CLOSED;
    }
}
