package chat.free4.mesh;

import chat.free4.peer.PeerConnectionStatus;
import chat.free4.media.RemoteTrack;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalingState;
import java.util.List;

/** What the mesh reports; all calls come on the mesh thread, in order. */
public interface MeshListener {

    default void onJoined(PeerId self, List<PeerInfo> members, int maxPeers) {
    }

    default void onPeerAdded(PeerInfo peer) {
    }

    default void onPeerStatus(PeerId peer, PeerConnectionStatus status) {
    }

    /**
     * The peer's track of one kind is being received ({@code audio.RemoteAudio} for audio); it
     * replaces any earlier one of that kind from the same peer, which was ended first.
     */
    default void onRemoteTrack(PeerId peer, RemoteTrack track) {
    }

    /** A track from {@link #onRemoteTrack} is no longer received (replaced, or its connection closed). */
    default void onRemoteTrackEnded(PeerId peer, RemoteTrack track) {
    }

    /**
     * The words both people of a connection see when nobody sits in between (a new connection
     * gives new words); see {@link SafetyCode}.
     */
    default void onSafetyCode(PeerId peer, String words) {
    }

    default void onPeerRemoved(PeerId peer) {
    }

    default void onSignalingState(SignalingState state, String reason) {
    }

    /** The room is listed publicly ({@code listed}) though we asked for a private one, or not. */
    default void onRoomVisibility(boolean listed, boolean askedPublic) {
    }

    /** {@code code} as the relay gives it, or a local one; {@code sentence} for a person. */
    default void onError(String code, String sentence) {
    }
}
