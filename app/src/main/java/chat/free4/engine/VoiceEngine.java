package chat.free4.engine;

import chat.free4.audio.AudioBackend;
import chat.free4.audio.AudioDeviceChooser;
import chat.free4.media.Media;
import chat.free4.media.RemoteTrack;
import chat.free4.mesh.DataChannelPlugin;
import chat.free4.mesh.Mesh;
import chat.free4.mesh.MeshConfig;
import chat.free4.mesh.MeshListener;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.Signaling;
import chat.free4.signaling.SignalingState;
import dev.onvoid.webrtc.RTCDataChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice engine the UI and the command line drive: join a room over a {@link Signaling}
 * transport, talk, leave. Observe it with {@link EngineListener} or poll {@link #room()}.
 * Thread-safe; no method blocks on the network. One room at a time.
 */
public final class VoiceEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceEngine.class);
    private static final long LEVEL_PERIOD_MS = 100;

    private final AudioBackend audio;
    private final MeshConfig config;
    private final List<DataChannelPlugin> plugins;
    private final EngineEvents events = new EngineEvents();
    private final RoomModel model = new RoomModel();
    private volatile RoomSnapshot current = RoomSnapshot.empty();
    private volatile Mesh mesh;
    private ScheduledFuture<?> levelTicker;
    private volatile boolean micMuted;

    public VoiceEngine(AudioBackend audio) {
        this(audio, MeshConfig.defaults(), List.of());
    }

    /** @param plugins data channel features (chat, files) set up on every peer connection */
    public VoiceEngine(AudioBackend audio, MeshConfig config, List<DataChannelPlugin> plugins) {
        this.audio = audio;
        this.config = config;
        this.plugins = List.copyOf(plugins);
    }

    public void addListener(EngineListener listener) {
        events.add(listener);
    }

    public void removeListener(EngineListener listener) {
        events.remove(listener);
    }

    /** The latest snapshot of the room. */
    public RoomSnapshot room() {
        return current;
    }

    public AudioBackend audio() {
        return audio;
    }

    /**
     * The media layer every connection is made by: the audio backend's, with audio as its first
     * kind of track; a further kind (screen sharing) is added to it before joining.
     */
    public Media media() {
        return audio.media();
    }

    /** Sound device selection; present on the desktop audio path. */
    public Optional<AudioDeviceChooser> devices() {
        return audio.devices();
    }

    /**
     * Joins a room. The engine owns {@code signaling} from now on and closes it on leave.
     * Throws {@link IllegalStateException} (with a sentence) when already in a room.
     */
    public synchronized void join(RoomRequest request, Signaling signaling) {
        if (mesh != null) {
            throw new IllegalStateException("Already in a room; leave it first.");
        }
        Mesh newMesh = new Mesh(audio.media(), config, plugins, new Reporter());
        mesh = newMesh;
        newMesh.loop().execute(() -> {
            model.enter(request.room(), request.selfId(), request.displayName());
            model.micMuted(micMuted);
            publishRoom();
        });
        levelTicker = newMesh.loop().scheduleAtFixedRate(this::tickLevels, LEVEL_PERIOD_MS, LEVEL_PERIOD_MS, TimeUnit.MILLISECONDS);
        newMesh.join(request, signaling);
    }

    /** Leaves the room and frees every connection; completes when done. */
    public synchronized CompletableFuture<Void> leave() {
        Mesh old = mesh;
        if (old == null) {
            return CompletableFuture.completedFuture(null);
        }
        mesh = null;
        levelTicker.cancel(false);
        return old.leave().thenRunAsync(() -> {
            model.exit();
            publishRoom();
        }, old.loop()).whenComplete((ok, error) -> old.close());
    }

    public void setMicrophoneMuted(boolean muted) {
        micMuted = muted;
        audio.setMicrophoneMuted(muted);
        onMesh(() -> {
            model.micMuted(muted);
            publishRoom();
        });
    }

    /** Deafened: I hear nobody and my microphone sends silence; for me only. */
    public void setDeafened(boolean deafened) {
        audio.setDeafened(deafened);
    }

    /**
     * Voice-activity sensitivity, 0 to 1 (1 sends even a whisper); {@code Double.NaN} sends
     * everything, as push-to-talk and the command line do.
     */
    public void setVoiceSensitivity(double sensitivity) {
        if (Double.isNaN(sensitivity)) {
            audio.voiceGate().setThresholdDbfs(chat.free4.audio.VoiceGate.ALWAYS_OPEN);
        } else {
            audio.voiceGate().setSensitivity(sensitivity);
        }
    }

    /** Mutes one peer for me only. */
    public void setPeerMuted(PeerId peer, boolean muted) {
        onMesh(() -> model.mutePeer(peer, muted).ifPresent(this::peerChanged));
    }

    /** My playback volume for one peer, 0 to 2 (1 = as sent). */
    public void setPeerVolume(PeerId peer, double volume) {
        onMesh(() -> model.volume(peer, volume).ifPresent(this::peerChanged));
    }

    /** Open peer connections right now (0 when not in a room). */
    public int openConnections() {
        Mesh m = mesh;
        return m == null ? 0 : m.openConnections();
    }

    /** A plugin's data channel to one peer, if connected. */
    public Optional<RTCDataChannel> channel(PeerId peer, String label) {
        Mesh m = mesh;
        return m == null ? Optional.empty() : m.channel(peer, label);
    }

    /** WebRTC statistics of the connection to one peer (diagnostics, benchmarks). */
    public CompletableFuture<dev.onvoid.webrtc.RTCStatsReport> stats(PeerId peer) {
        Mesh m = mesh;
        return m == null ? CompletableFuture.failedFuture(new IllegalStateException("Not in a room.")) : m.stats(peer);
    }

    /** Leaves and frees the audio path; the engine cannot be used afterwards. */
    @Override
    public void close() {
        try {
            leave().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Leaving took too long while closing", e);
        }
        audio.close();
        events.close();
    }

    private void onMesh(Runnable task) {
        Mesh m = mesh;
        if (m != null) {
            m.loop().execute(task);
        }
    }

    private void tickLevels() {
        model.refreshLevels(audio.localLevel());
        RoomSnapshot view = model.snapshot();
        current = view;
        events.fire(l -> l.onLevels(view));
    }

    private void publishRoom() {
        RoomSnapshot view = model.snapshot();
        current = view;
        events.fire(l -> l.onRoomChanged(view));
    }

    private void peerChanged(PeerView peer) {
        publishRoom();
        events.fire(l -> l.onPeerStatus(peer));
    }

    /** Mesh events (on the mesh thread) into the model and out to listeners. */
    private final class Reporter implements MeshListener {
        @Override
        public void onJoined(PeerId self, List<PeerInfo> members, int maxPeers) {
            model.joined(self, maxPeers);
            publishRoom();
        }

        @Override
        public void onRoomVisibility(boolean listed, boolean askedPublic) {
            model.listedAgainstWish(listed && !askedPublic);
            publishRoom();
        }

        @Override
        public void onPeerAdded(PeerInfo peer) {
            PeerView view = model.addPeer(peer);
            publishRoom();
            events.fire(l -> l.onPeerJoined(view));
        }

        @Override
        public void onPeerStatus(PeerId peer, PeerConnectionStatus status) {
            model.status(peer, status).ifPresent(VoiceEngine.this::peerChanged);
        }

        @Override
        public void onSafetyCode(PeerId peer, String words) {
            model.safetyCode(peer, words).ifPresent(view -> publishRoom());
        }

        @Override
        public void onRemoteTrack(PeerId peer, RemoteTrack track) {
            // Audio: measured for the level and played at my volume for this peer. Another kind
            // only reaches here once something plugged it into the media layer.
            model.trackStarted(peer, track).ifPresent(view -> publishRoom());
        }

        @Override
        public void onRemoteTrackEnded(PeerId peer, RemoteTrack track) {
            model.trackEnded(peer, track).ifPresent(view -> publishRoom());
        }

        @Override
        public void onPeerRemoved(PeerId peer) {
            model.remove(peer).ifPresent(view -> {
                publishRoom();
                events.fire(l -> l.onPeerLeft(peer, view.name()));
            });
        }

        @Override
        public void onSignalingState(SignalingState state, String reason) {
            model.signaling(state, reason);
            publishRoom();
        }

        @Override
        public void onError(String code, String sentence) {
            events.fire(l -> l.onError(code, sentence));
        }
    }
}
