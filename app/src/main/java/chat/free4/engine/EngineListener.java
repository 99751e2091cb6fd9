package chat.free4.engine;

import chat.free4.peer.PeerId;

/**
 * Receives what happens in the engine. Calls come one at a time, in order, on the engine's event
 * thread (never a native WebRTC thread); implementations must return quickly (a UI adapter hands
 * them to its own thread). Every method has a default so a listener picks what it needs.
 */
public interface EngineListener {

    /** Anything in the room changed; {@code room} is the complete new snapshot. */
    default void onRoomChanged(RoomSnapshot room) {
    }

    /** A remote peer appeared in the room. */
    default void onPeerJoined(PeerView peer) {
    }

    /** A remote peer left (or vanished); {@code name} is its last known display name. */
    default void onPeerLeft(PeerId peer, String name) {
    }

    /** A remote peer's connection state changed. */
    default void onPeerStatus(PeerView peer) {
    }

    /** Audio levels were refreshed (about ten times a second while in a room). */
    default void onLevels(RoomSnapshot room) {
    }

    /** Something went wrong; {@code sentence} is meant for a person, e.g. "The room is full.". */
    default void onError(String sentence) {
    }

    /**
     * The same with a machine-readable {@code code} (the relay's error code such as
     * {@code room_full}, or {@code unreachable}); the engine calls this one, the default forwards.
     */
    default void onError(String code, String sentence) {
        onError(sentence);
    }
}
