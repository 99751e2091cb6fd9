package chat.free4.session;

import chat.free4.audio.AudioBackend;
import chat.free4.audio.AudioDeviceChooser;
import chat.free4.engine.EngineListener;
import chat.free4.engine.PeerView;
import chat.free4.engine.RoomSnapshot;
import chat.free4.engine.VoiceEngine;
import chat.free4.mesh.ConnectionRoute;
import chat.free4.mesh.MeshConfig;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.ConfiguredIceServers;
import chat.free4.signaling.IceServer;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.Signaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one door into the engine. Given plain settings and an audio path it builds the voice
 * engine with every room feature (voice, chat, files, app data); {@link #join} takes a room
 * address and a request and hands back the room's chat and files; everything that happens comes
 * through {@link EngineListener}s. The desktop app, the command line and the tests all build
 * their peers here, so a new feature is added in one place.
 *
 * <p>Thread-safe; no method blocks on the network. One room at a time.
 */
public final class RoomSession implements AutoCloseable {
    private final VoiceEngine engine;
    private final RoomFeatures features;
    private final List<String> iceProblems;
    // Offering a file hashes it first, which takes a while for a large one: never on a caller's thread.
    private final ExecutorService fileOffers = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "file-offers");
        t.setDaemon(true);
        return t;
    });
    private volatile SessionRoom room;
    private final chat.free4.screen.ScreenSharing screen;

    private RoomSession(AudioBackend audio, SessionSettings settings) {
        ConfiguredIceServers ice = ConfiguredIceServers.check(settings.iceServers());
        iceProblems = ice.problems();
        List<IceServer> servers = new ArrayList<>(settings.mesh().iceServers());
        servers.addAll(ice.servers());
        MeshConfig mesh = settings.mesh().withIceServers(servers);
        features = new RoomFeatures(settings.fileLimits(), settings.downloads());
        engine = new VoiceEngine(audio, mesh, features.meshPlugins());
        screen = chat.free4.screen.ScreenSharing.plugInto(engine.media());
        features.peerNames(id -> engine.room().peers().stream().filter(p -> p.id().equals(id))
                .map(PeerView::name).findFirst().orElse(""));
        features.roomMembers(id -> engine.room().peers().stream().anyMatch(p -> p.id().equals(id)));
    }

    /** A session on {@code audio}, which it owns from now on and closes with itself. */
    public static RoomSession open(AudioBackend audio, SessionSettings settings) {
        return new RoomSession(audio, settings);
    }

    /** Configured STUN/TURN servers that were left out, each in a sentence; the rest are used. */
    public List<String> iceProblems() {
        return iceProblems;
    }

    public void addListener(EngineListener listener) {
        engine.addListener(listener);
    }

    public void removeListener(EngineListener listener) {
        engine.removeListener(listener);
    }

    /**
     * Joins a room; the returned room carries its chat and files, fresh for this room.
     *
     * @throws IllegalStateException with a sentence when already in a room or the transport cannot open
     */
    public synchronized SessionRoom join(RoomAddress where, RoomRequest request) {
        if (room != null) {
            throw new IllegalStateException("Already in a room; leave it first.");
        }
        Signaling signaling = where.openSignaling();
        PeerInfo self = new PeerInfo(request.selfId(), request.displayName());
        RoomFeatures.RoomData data = features.start(self);
        SessionRoom joined = new SessionRoom(self, new SessionChat(data.chat()), new SessionFiles(data.files(), fileOffers),
                data.app(), data.board());
        try {
            engine.join(request, signaling);
        } catch (RuntimeException e) {
            features.stop();
            signaling.close();
            throw e;
        }
        room = joined;
        return joined;
    }

    /** The room this session is in. */
    public Optional<SessionRoom> room() {
        return Optional.ofNullable(room);
    }

    /** The latest snapshot of who is in the room and how their connections go. */
    public RoomSnapshot snapshot() {
        return engine.room();
    }

    /** Leaves: unfinished transfers are cancelled, the chat is forgotten; completes when every connection is closed. */
    public synchronized CompletableFuture<Void> leave() {
        room = null;
        screen.stop();
        CompletableFuture<Void> left = engine.leave();
        features.stop();
        return left;
    }

    public void setMicrophoneMuted(boolean muted) {
        engine.setMicrophoneMuted(muted);
    }

    public void setDeafened(boolean deafened) {
        engine.setDeafened(deafened);
    }

    /** 0 to 1 (1 sends even a whisper); {@code Double.NaN} sends everything (push-to-talk, command line). */
    public void setVoiceSensitivity(double sensitivity) {
        engine.setVoiceSensitivity(sensitivity);
    }

    public void setVoiceProcessing(chat.free4.audio.VoiceProcessing processing) {
        engine.audio().setVoiceProcessing(processing);
    }

    public void setPeerMuted(PeerId peer, boolean muted) {
        engine.setPeerMuted(peer, muted);
    }

    public void setPeerVolume(PeerId peer, double volume) {
        engine.setPeerVolume(peer, volume);
    }

    /** My own microphone's level, 0 to 1, also outside a room (the Settings microphone check). */
    public double microphoneLevel() {
        return engine.audio().localLevel();
    }

    /** Sound device selection; present on the desktop's device audio. */
    public Optional<AudioDeviceChooser> devices() {
        return engine.devices();
    }

    /** How the call to one peer goes (direct, through a router, via TURN; round trip, loss), once known. */
    public CompletableFuture<Optional<ConnectionRoute>> route(PeerId peer) {
        return engine.stats(peer).thenApply(ConnectionRoute::of);
    }

    /** Open peer connections right now (diagnostics, benchmarks). */
    public int openConnections() {
        return engine.openConnections();
    }

    /** Sharing this screen and seeing the screens others share (issue 16). */
    public chat.free4.screen.ScreenShare screen() {
        return screen;
    }

    /** The engine underneath, for tests and benchmarks that measure it. */
    public VoiceEngine engine() {
        return engine;
    }

    /** Leaves and frees the audio path; the session cannot be used afterwards. */
    @Override
    public void close() {
        room = null;
        screen.stop(); // no frame may reach the video source the engine's media layer closes
        engine.close();
        screen.close();
        features.close();
        fileOffers.shutdownNow();
    }
}
