package chat.free4.signaling;

import chat.free4.peer.PeerInfo;
import chat.free4.peer.PeerId;
import java.util.List;

/**
 * Receives what a {@link Signaling} learns. Calls come from the transport's own thread, one at a
 * time and in order; implementations must not block.
 */
public interface SignalingListener {

    /** In the room (again, after an automatic re-join); {@code members} excludes this peer. */
    void onJoined(PeerId self, List<PeerInfo> members);

    /**
     * Like {@link #onJoined(PeerId, List)}, with the room's size limit including this peer (0 when
     * the transport does not know it). Transports call this one; the default forwards.
     */
    default void onJoined(PeerId self, List<PeerInfo> members, int maxPeers) {
        onJoined(self, members);
    }

    /**
     * The STUN/TURN servers this transport offers for the room (the relay's {@code iceServers}),
     * already checked, with a sentence for each entry that was dropped. Comes just before each
     * {@code onJoined}; transports without servers never call it.
     */
    default void onIceServers(List<IceServer> servers, List<String> problems) {
    }

    /**
     * Whether the room is listed publicly, when the transport knows (a relay's {@code joined}; the
     * room's creator decides). Comes just after {@code onJoined}; {@code askedPublic} is what we asked for.
     */
    default void onRoomVisibility(boolean listed, boolean askedPublic) {
    }

    void onPeerJoined(PeerInfo peer);

    void onPeerLeft(PeerId peer);

    void onSignal(PeerId from, SignalPayload payload);

    /** The transport's state changed; {@code reason} is a sentence for a person, or empty. */
    void onStateChanged(SignalingState state, String reason);

    /** Something was refused; {@code code} is machine-readable, {@code message} for a person. */
    void onError(String code, String message);
}
