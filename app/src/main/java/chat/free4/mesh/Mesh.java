package chat.free4.mesh;

import chat.free4.peer.PeerConnectionStatus;
import chat.free4.media.Media;
import chat.free4.media.RemoteTrack;
import chat.free4.signaling.IceServer;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomPassword;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.Signaling;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;
import chat.free4.signaling.SignalPayload;
import dev.onvoid.webrtc.RTCDataChannel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full mesh: one {@link PeerLink} per other peer of the room. Listens to a {@link Signaling}
 * transport, keeps links across signaling re-joins (a relay restart does not touch connected
 * peers), drops peers that leave. Its connections are made by, and send and receive the kinds of
 * media of, one {@link Media} layer. Everything runs on one mesh thread; public methods hand work to
 * it, so native and transport threads never block.
 */
public final class Mesh implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mesh.class);

    private final Media media;
    private final MeshConfig config;
    private final List<DataChannelPlugin> plugins;
    private final MeshListener listener;
    private final ScheduledExecutorService loop;
    private final Map<PeerId, PeerLink> links = new LinkedHashMap<>();
    private final Map<PeerId, String> names = new LinkedHashMap<>();
    private final Set<PeerId> members = new HashSet<>();
    private Signaling signaling;
    private PeerId self;
    private SignalingState signalingState = SignalingState.CLOSED;
    private int maxPeers;
    private boolean warnedFull;
    private final SessionChurnLimit churn;
    /** From the last {@code joined} or refresh: fresh TURN credentials for new connections and ICE restarts. */
    private List<IceServer> relayIceServers = List.of();
    /** The room's password, if it has one: every connection proves it (decision 0019). */
    private Optional<RoomPassword> password = Optional.empty();
    private volatile boolean closed;
    private volatile Thread loopThread;

    public Mesh(Media media, MeshConfig config, List<DataChannelPlugin> plugins, MeshListener listener) {
        this.media = media;
        this.config = config;
        this.plugins = List.copyOf(plugins);
        if (this.plugins.stream().anyMatch(p -> p.label().equals(PeerLink.PROOF_LABEL))) {
            throw new IllegalArgumentException("The data channel label \"" + PeerLink.PROOF_LABEL + "\" is the password proof's.");
        }
        this.listener = listener;
        this.churn = new SessionChurnLimit(config.limits().newSessionsPerMinute(), TimeUnit.MINUTES.toNanos(1));
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mesh");
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
    }

    /** The mesh thread; listeners may schedule their own periodic work on it. */
    public ScheduledExecutorService loop() {
        return loop;
    }

    /** Joins the room over {@code signaling}; the mesh owns the transport from now on and closes it. */
    public void join(RoomRequest request, Signaling transport) {
        loop.execute(() -> {
            if (signaling != null) {
                throw new IllegalStateException("This mesh has already joined a room.");
            }
            signaling = transport;
            self = request.selfId();
            password = request.password();
            transport.join(request, new Inbound());
        });
    }

    /** Leaves the room: closes every connection and the transport. Completes when all is freed. */
    public CompletableFuture<Void> leave() {
        return CompletableFuture.runAsync(this::closeAll, loop);
    }

    private void closeAll() {
        if (signaling != null) {
            signaling.close();
            signaling = null;
        }
        for (PeerId id : List.copyOf(links.keySet())) {
            drop(id);
        }
        members.clear();
        names.clear();
    }

    /** Number of peer connections currently open (for tests and benchmarks). */
    public int openConnections() {
        return call(() -> (int) links.values().stream().filter(l -> !l.closed()).count());
    }

    public Optional<RTCDataChannel> channel(PeerId peer, String label) {
        return call(() -> Optional.ofNullable(links.get(peer)).flatMap(l -> l.channel(label)));
    }

    /** WebRTC statistics of the connection to one peer (diagnostics, benchmarks). */
    public CompletableFuture<dev.onvoid.webrtc.RTCStatsReport> stats(PeerId peer) {
        return CompletableFuture.supplyAsync(() -> links.get(peer), loop).thenCompose(link -> link == null
                ? CompletableFuture.failedFuture(new IllegalStateException("Not connected to " + peer + "."))
                : link.stats());
    }

    public Optional<PeerConnectionStatus> status(PeerId peer) {
        return call(() -> Optional.ofNullable(links.get(peer)).map(PeerLink::status));
    }

    private <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return loop.submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the mesh.", e);
        } catch (Exception e) {
            throw new IllegalStateException("The mesh did not answer.", e);
        }
    }

    // ---- from signaling (posted to the loop) ----

    private void onJoined(PeerId me, List<PeerInfo> present, int limit) {
        self = me;
        maxPeers = limit;
        warnedFull = false;
        members.clear();
        present.forEach(p -> members.add(p.id()));
        names.keySet().retainAll(members);
        churn.prune(System.nanoTime());
        listener.onJoined(me, present, limit);
        // A re-join after a relay restart: keep links that still work, drop those to peers that
        // are gone and were not connected anyway.
        for (PeerLink link : List.copyOf(links.values())) {
            if (!members.contains(link.remote()) && link.status() != PeerConnectionStatus.CONNECTED
                    && link.status() != PeerConnectionStatus.RECONNECTING) {
                drop(link.remote());
            }
        }
        for (PeerInfo peer : present) {
            addPeer(peer);
        }
    }

    /**
     * The relay's servers, on joining or refreshed. Comes after the signaling state turned JOINED,
     * so a warning here never reads as a refused join. Open connections take the new servers for
     * their next ICE restart; what they use now goes on (TURN servers keep an allocation alive on
     * the credentials it was made with).
     */
    private void onIceServers(List<IceServer> servers, List<String> problems) {
        boolean changed = !servers.equals(relayIceServers);
        relayIceServers = List.copyOf(servers);
        for (String problem : problems) {
            LOG.warn("Relay's ICE servers: {}", problem);
            listener.onError("bad_ice_server", problem);
        }
        if (changed) {
            LOG.info("ICE servers from the relay: {}", servers);
            links.values().forEach(PeerLink::iceServersChanged);
        }
    }

    private void addPeer(PeerInfo peer) {
        if (peer.id().equals(self)) {
            return;
        }
        members.add(peer.id());
        names.put(peer.id(), peer.displayName());
        PeerLink existing = links.get(peer.id());
        if (existing != null) {
            if (existing.status() == PeerConnectionStatus.FAILED) {
                existing.restart();
            }
            return;
        }
        int allowed = roomSize();
        if (links.size() >= allowed - 1) {
            // Whatever signaling says (a relay can list thousands): each link is a native connection.
            LOG.debug("Ignoring {}: the room allows {} peers", peer.id(), allowed);
            if (!warnedFull) {
                warnedFull = true;
                LOG.warn("The room allows {} peers; further peers are not connected", allowed);
                listener.onError("room_full", "The room allows " + allowed + " people; " + peer.displayName()
                        + " and anyone after them were not connected.");
            }
            return;
        }
        PeerLink link = new PeerLink(new LinkHost(), self, peer.id());
        links.put(peer.id(), link);
        listener.onPeerAdded(peer);
        link.start();
    }

    /** Ours, or the relay's if smaller: a relay saying 0 or 10,000 does not lift the mesh limit. */
    private int roomSize() {
        int ours = config.limits().maxPeers();
        return maxPeers > 0 ? Math.min(maxPeers, ours) : ours;
    }

    private void onPeerLeft(PeerId peer) {
        members.remove(peer);
        names.remove(peer);
        drop(peer);
        churn.prune(System.nanoTime()); // a long call sees many peers come and go
    }

    private void drop(PeerId peer) {
        PeerLink link = links.remove(peer);
        if (link != null) {
            link.close();
            listener.onPeerRemoved(peer);
        }
    }

    private void onSignal(PeerId from, SignalPayload payload) {
        PeerLink link = links.get(from);
        if (link == null) {
            if (!members.contains(from)) {
                // Signaling never said it is here: no connection for it (a hostile relay could
                // otherwise make us build one per made-up id).
                LOG.debug("Ignoring a signal from {}: not in the room", from);
                return;
            }
            long now = System.nanoTime();
            if (churn.barred(from, now)) {
                churn.attempted(from, now);
                return;
            }
            // A member whose link we dropped (its repairs ran out, or it was barred for a minute).
            addPeer(new PeerInfo(from, names.getOrDefault(from, "")));
            link = links.get(from);
        }
        if (link != null) {
            link.onSignal(payload);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() == loopThread) {
            closeAll();
            loop.shutdown();
            return;
        }
        try {
            leave().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Closing the mesh took too long", e);
        }
        loop.shutdown();
    }

    private final class LinkHost implements PeerLink.Host {
        @Override
        public boolean admitNewSession(PeerLink link) {
            if (churn.tryStart(link.remote(), System.nanoTime())) {
                return true;
            }
            String name = names.getOrDefault(link.remote(), "");
            LOG.warn("{} rebuilt its connection more than {} times in a minute; disconnected for a minute", link.remote(),
                    config.limits().newSessionsPerMinute());
            drop(link.remote());
            listener.onError("peer_churn", (name.isEmpty() ? "Someone" : name)
                    + " kept rebuilding the connection and was disconnected for a minute.");
            return false;
        }

        @Override
        public ScheduledExecutorService loop() {
            return loop;
        }

        @Override
        public Media media() {
            return media;
        }

        @Override
        public MeshConfig config() {
            return config;
        }

        @Override
        public dev.onvoid.webrtc.RTCConfiguration rtcConfiguration() {
            return config.rtcConfiguration(relayIceServers);
        }

        @Override
        public List<DataChannelPlugin> plugins() {
            return plugins;
        }

        @Override
        public void send(PeerId to, SignalPayload payload) {
            if (signaling != null) {
                signaling.send(to, payload);
            }
        }

        @Override
        public void statusChanged(PeerLink link) {
            listener.onPeerStatus(link.remote(), link.status());
        }

        @Override
        public void safetyCode(PeerLink link, String words) {
            listener.onSafetyCode(link.remote(), words);
        }

        @Override
        public void remoteTrack(PeerLink link, RemoteTrack track) {
            listener.onRemoteTrack(link.remote(), track);
        }

        @Override
        public void remoteTrackEnded(PeerLink link, RemoteTrack track) {
            listener.onRemoteTrackEnded(link.remote(), track);
        }

        @Override
        public Optional<byte[]> proofPassword() {
            return password.map(RoomPassword::utf8);
        }

        @Override
        public boolean passwordRoom() {
            return password.isPresent();
        }

        @Override
        public void proofRefused(PeerLink link) {
            String name = names.getOrDefault(link.remote(), "");
            listener.onError("peer_unverified", "The connection to " + (name.isEmpty() ? "someone in the room" : name)
                    + " could not be verified: the two of you do not share this room's password, or someone between you "
                    + "tried to listen in. You are not connected to " + (name.isEmpty() ? "them" : name) + ".");
        }

        @Override
        public void repairsExhausted(PeerLink link) {
            // Known to be gone from the room: drop it. Otherwise keep it, reported as failed, so it
            // is retried when the peer shows up again.
            if (signalingState == SignalingState.JOINED && !members.contains(link.remote())) {
                drop(link.remote());
                return;
            }
            loop.schedule(() -> {
                if (links.get(link.remote()) == link) {
                    link.restart();
                }
            }, config.retryAfterFailure().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Signaling callbacks, handed to the mesh thread. */
    private final class Inbound implements SignalingListener {
        @Override
        public void onJoined(PeerId me, List<PeerInfo> present) {
            onJoined(me, present, 0);
        }

        @Override
        public void onJoined(PeerId me, List<PeerInfo> present, int limit) {
            loop.execute(() -> Mesh.this.onJoined(me, present, limit));
        }

        @Override
        public void onIceServers(List<IceServer> servers, List<String> problems) {
            loop.execute(() -> Mesh.this.onIceServers(servers, problems));
        }

        @Override
        public void onRoomVisibility(boolean listed, boolean askedPublic) {
            loop.execute(() -> listener.onRoomVisibility(listed, askedPublic));
        }

        @Override
        public void onPeerJoined(PeerInfo peer) {
            loop.execute(() -> addPeer(peer));
        }

        @Override
        public void onPeerLeft(PeerId peer) {
            loop.execute(() -> Mesh.this.onPeerLeft(peer));
        }

        @Override
        public void onSignal(PeerId from, SignalPayload payload) {
            loop.execute(() -> Mesh.this.onSignal(from, payload));
        }

        @Override
        public void onStateChanged(SignalingState state, String reason) {
            loop.execute(() -> {
                signalingState = state;
                listener.onSignalingState(state, reason);
            });
        }

        @Override
        public void onError(String code, String message) {
            loop.execute(() -> listener.onError(code, message));
        }
    }
}
