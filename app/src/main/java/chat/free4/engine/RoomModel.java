package chat.free4.engine;

import chat.free4.audio.RemoteAudio;
import chat.free4.media.RemoteTrack;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalingState;
import java.util.EnumMap;
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
    /** What each peer's tracks became, by kind (the audio one is a {@link RemoteAudio}). */
    private final Map<PeerId, Map<TrackKind, RemoteTrack>> tracks = new HashMap<>();

    void enter(String roomName, PeerId id, String name) {
        room = roomName;
        selfId = id;
        selfName = name;
        signaling = SignalingState.CONNECTING;
        signalingWords = "Connecting to the relay.";
        listedAgainstWish = false;
        peers.clear();
        tracks.clear();
    }

    void exit() {
        signaling = SignalingState.CLOSED;
        signalingWords = "";
        peers.clear();
        tracks.clear();
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
        tracks.remove(id);
        return Optional.ofNullable(peers.remove(id));
    }

    /** The peer's track of {@code track.kind()} is received (replacing any earlier one of that kind). */
    Optional<PeerView> trackStarted(PeerId id, RemoteTrack track) {
        tracks.computeIfAbsent(id, p -> new EnumMap<>(TrackKind.class)).put(track.kind(), track);
        PeerView view = peers.get(id);
        if (view != null && track instanceof RemoteAudio remote) {
            remote.setVolume(view.volume());
            remote.setMuted(view.muted());
        }
        return receivingChanged(id);
    }

    /** The track is no longer received; ignored when a newer one of its kind already took its place. */
    Optional<PeerView> trackEnded(PeerId id, RemoteTrack track) {
        Map<TrackKind, RemoteTrack> byKind = tracks.get(id);
        if (byKind == null || !byKind.remove(track.kind(), track)) {
            return Optional.empty();
        }
        if (byKind.isEmpty()) {
            tracks.remove(id);
        }
        return receivingChanged(id);
    }

    private Optional<PeerView> receivingChanged(PeerId id) {
        Map<TrackKind, RemoteTrack> byKind = tracks.get(id);
        return update(id, v -> v.withReceiving(byKind == null ? java.util.Set.of() : byKind.keySet()));
    }

    private Optional<RemoteAudio> audio(PeerId id) {
        Map<TrackKind, RemoteTrack> byKind = tracks.get(id);
        // The audio kind hands back RemoteAudio (audio.AudioKind).
        return byKind != null && byKind.get(TrackKind.AUDIO) instanceof RemoteAudio remote ? Optional.of(remote) : Optional.empty();
    }

    Optional<PeerView> safetyCode(PeerId id, String words) {
        return update(id, v -> v.withSafetyCode(words));
    }

    Optional<PeerView> mutePeer(PeerId id, boolean muted) {
        audio(id).ifPresent(a -> a.setMuted(muted));
        return update(id, v -> v.withMuted(muted));
    }

    Optional<PeerView> volume(PeerId id, double volume) {
        double clamped = Math.max(0, Math.min(2, volume));
        audio(id).ifPresent(a -> a.setVolume(clamped));
        return update(id, v -> v.withVolume(clamped));
    }

    void micMuted(boolean muted) {
        micMuted = muted;
    }

    /** Reads the current levels from the audio path. */
    void refreshLevels(double localLevel) {
        selfLevel = localLevel;
        for (Map.Entry<PeerId, PeerView> e : peers.entrySet()) {
            double level = audio(e.getKey()).map(RemoteAudio::level).orElse(0.0);
            e.setValue(e.getValue().withLevel(level));
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
