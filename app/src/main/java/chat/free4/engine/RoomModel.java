package chat.free4.engine;

import chat.free4.audio.RemoteAudio;
import chat.free4.mesh.PeerConnectionStatus;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalingState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The mutable room state behind {@link RoomSnapshot}; touched only on the mesh thread. */
final class RoomModel {
    private String room = "";
    private String selfName = "";
    private PeerId selfId;
    private SignalingState signaling = SignalingState.CLOSED;
    private String signalingWords = "";
    private boolean micMuted;
    private double selfLevel;
    private int maxPeers;
    private boolean listedAgainstWish;
    private final Map<PeerId, PeerView> peers = new LinkedHashMap<>();
    private final Map<PeerId, RemoteAudio> audio = new HashMap<>();

    void enter(String roomName, PeerId id, String name) {
        room = roomName;
        selfId = id;
        selfName = name;
        signaling = SignalingState.CONNECTING;
        signalingWords = "Connecting to the relay.";
        listedAgainstWish = false;
        peers.clear();
        audio.clear();
    }

    void exit() {
        signaling = SignalingState.CLOSED;
        signalingWords = "";
        peers.clear();
        audio.clear();
        selfLevel = 0;
    }

    void joined(PeerId id, int limit) {
        selfId = id;
        maxPeers = limit;
    }

    /** The relay lists the room publicly though we asked for a private one (its creator chose). */
    void listedAgainstWish(boolean listed) {
        listedAgainstWish = listed;
    }

    void signaling(SignalingState state, String words) {
        signaling = state;
        signalingWords = words == null ? "" : words;
    }

    PeerView addPeer(PeerInfo info) {
        PeerView view = peers.get(info.id());
        view = view == null
                ? new PeerView(info.id(), info.displayName(), PeerConnectionStatus.NEW, 0, false, 1.0)
                : view.withName(info.displayName());
        peers.put(info.id(), view);
        return view;
    }

    Optional<PeerView> status(PeerId id, PeerConnectionStatus status) {
        return update(id, v -> v.withStatus(status));
    }

    Optional<PeerView> remove(PeerId id) {
        audio.remove(id);
        return Optional.ofNullable(peers.remove(id));
    }

    void attachAudio(PeerId id, RemoteAudio remote) {
        audio.put(id, remote);
        PeerView view = peers.get(id);
        if (view != null) {
            remote.setVolume(view.volume());
            remote.setMuted(view.muted());
        }
    }

    Optional<PeerView> mutePeer(PeerId id, boolean muted) {
        Optional.ofNullable(audio.get(id)).ifPresent(a -> a.setMuted(muted));
        return update(id, v -> v.withMuted(muted));
    }

    Optional<PeerView> volume(PeerId id, double volume) {
        double clamped = Math.max(0, Math.min(2, volume));
        Optional.ofNullable(audio.get(id)).ifPresent(a -> a.setVolume(clamped));
        return update(id, v -> v.withVolume(clamped));
    }

    void micMuted(boolean muted) {
        micMuted = muted;
    }

    /** Reads the current levels from the audio path. */
    void refreshLevels(double localLevel) {
        selfLevel = localLevel;
        for (Map.Entry<PeerId, PeerView> e : peers.entrySet()) {
            RemoteAudio a = audio.get(e.getKey());
            e.setValue(e.getValue().withLevel(a == null ? 0 : a.level()));
        }
    }

    Optional<PeerView> peer(PeerId id) {
        return Optional.ofNullable(peers.get(id));
    }

    private Optional<PeerView> update(PeerId id, java.util.function.UnaryOperator<PeerView> change) {
        PeerView view = peers.get(id);
        if (view == null) {
            return Optional.empty();
        }
        PeerView next = change.apply(view);
        peers.put(id, next);
        return Optional.of(next);
    }

    RoomSnapshot snapshot() {
        return new RoomSnapshot(room, selfId, selfName, signaling, signalingWords, micMuted, selfLevel,
                java.util.List.copyOf(peers.values()), maxPeers, listedAgainstWish);
    }
}
