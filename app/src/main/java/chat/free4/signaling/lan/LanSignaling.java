package chat.free4.signaling.lan;

import chat.free4.signaling.lan.discovery.LanAnnouncement;
import chat.free4.signaling.lan.discovery.LanAnnouncer;
import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterface;
import chat.free4.signaling.lan.discovery.LanMember;
import chat.free4.signaling.lan.discovery.LanProtocol;
import chat.free4.signaling.lan.discovery.LanRoomsListener;
import chat.free4.signaling.lan.discovery.LanUnavailableException;
import chat.free4.names.NameRules;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.Signaling;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Serverless signaling for LAN rooms, behind the same {@link Signaling} interface as the relay
 * client. Joining announces us over mDNS and watches the announcements of our room; every member
 * found (by mDNS or because it called us) is a peer. Each peer dials every other: a peer sends on
 * the connection it dialed and receives on the one it accepted, so no peer is special and no
 * tie-break is needed. A bye, a closed or silent connection, or an mDNS goodbye ends a peer.
 *
 * <p>All state lives on one event thread; listener calls come from it, one at a time, in order.
 */
public final class LanSignaling implements Signaling {
    private static final Logger log = LoggerFactory.getLogger(LanSignaling.class);
    /** The mesh limit (docs/PROTOCOL.md): this peer plus seven others. */
    static final int MAX_OTHER_PEERS = 7;
    /** Peers and not yet proven password-room callers together: copied announcements cost us this much at most. */
    static final int MAX_KNOWN_PEERS = 32;
    static final int CONNECT_TIMEOUT_MILLIS = 2000;
    static final int HELLO_TIMEOUT_MILLIS = 5000;
    static final int PING_INTERVAL_MILLIS = 5000;
    static final int IDLE_TIMEOUT_MILLIS = 20000;

    private final LanDiscovery discovery;
    private final boolean ownsDiscovery;
    private volatile Thread exitHook;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private final ExecutorService loop = Executors.newSingleThreadExecutor(daemon("lan-signaling"));
    private final ExecutorService connector = Executors.newCachedThreadPool(daemon("lan-connect"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("lan-ping"));
    /** What this peer proves itself with when it calls (decision 0014). */
    private final LanIdentity identity = LanIdentity.generate();

    // Everything below is touched on the loop thread only.
    private int session;
    private Joined joined;
    private SignalingListener listener;
    private boolean closed;

    /** One stay in a room. */
    private final class Joined {
        final int id;
        /** What the room is known by on the LAN: its name, or a password room's blinded id (decision 0020). */
        final String room;
        /** The password room's secret, or null for a room without a password. */
        final LanRoomSecret secret;
        final PeerId self;
        final String name;
        final DirectSignalingServer server;
        LanAnnouncer announcer;
        LanRoomsListener browserListener;
        Future<?> pings;
        final Map<PeerId, RemotePeer> peers = new LinkedHashMap<>();
        final Map<DirectConnection, PeerId> inboundOwners = new HashMap<>();
        /** Accepted connections that have not said hello yet, with the challenge they must sign. */
        final Map<DirectConnection, byte[]> unidentified = new HashMap<>();
        /** Peers that left while their mDNS record may linger: not re-added from mDNS. */
        final Set<PeerId> departed = new HashSet<>();
        boolean warnedFull;

        Joined(int id, String room, LanRoomSecret secret, PeerId self, String name, DirectSignalingServer server) {
            this.id = id;
            this.room = room;
            this.secret = secret;
            this.self = self;
            this.name = name;
            this.server = server;
        }

        boolean blinded() {
            return secret != null;
        }

        /** Whether {@code member} announces this very room (a blinded id never matches a name). */
        boolean announcedBy(LanMember member) {
            return member.announcement().announces(room, blinded());
        }
    }

    /** Uses {@code discovery} (owned by the caller, shared with the lobby) for mDNS. */
    public LanSignaling(LanDiscovery discovery) {
        this(discovery, false);
    }

    private LanSignaling(LanDiscovery discovery, boolean ownsDiscovery) {
        this.discovery = discovery;
        this.ownsDiscovery = ownsDiscovery;
    }

    /**
     * LAN signaling with discovery of its own on {@code lanInterface}, closed with it. If the JVM
     * exits first (Ctrl-C), it still says goodbye: without that the room would stay listed on
     * other machines until its mDNS records expire (two minutes).
     */
    public static LanSignaling standalone(LanInterface lanInterface) throws LanUnavailableException {
        LanSignaling signaling = new LanSignaling(LanDiscovery.open(lanInterface), true);
        Thread goodbye = new Thread(signaling::close, "lan-goodbye");
        signaling.exitHook = goodbye;
        Runtime.getRuntime().addShutdownHook(goodbye);
        return signaling;
    }

    @Override
    public void join(RoomRequest request, SignalingListener listener) {
        post(() -> doJoin(request, listener));
    }

    @Override
    public void send(PeerId to, SignalPayload payload) {
        post(() -> doSend(to, payload));
    }

    @Override
    public void leave() {
        post(() -> doLeave(true));
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        removeExitHook();
        Future<?> done = loop.submit(() -> {
            doLeave(false);
            closed = true;
        });
        try {
            done.get(8, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Leaving the LAN room did not finish cleanly: {}", e.toString());
        }
        loop.shutdown();
        connector.shutdownNow();
        timer.shutdownNow();
        if (ownsDiscovery) {
            discovery.close();
        }
    }

    /** Runs {@code task} on the event thread; after close there is nothing left to do. */
    private void post(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
            log.debug("LAN signaling is closed; dropped a late event");
        }
    }

    private void removeExitHook() {
        Thread hook = exitHook;
        if (hook != null && hook != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting: the hook is running or about to, and closes us too.
            }
        }
    }

    // ---- joining and leaving -------------------------------------------------------------

    private void doJoin(RoomRequest request, SignalingListener newListener) {
        if (closed) {
            return;
        }
        if (joined != null) {
            tell(newListener, l -> l.onError("already_joined", "You are already in a LAN room; leave it first."));
            return;
        }
        listener = newListener;
        Optional<String> room = NameRules.room(request.room());
        if (room.isEmpty()) {
            tell(l -> l.onError("invalid_room_name", NameRules.ROOM_RULE));
            return;
        }
        Optional<String> name = NameRules.displayName(request.displayName());
        if (name.isEmpty()) {
            tell(l -> l.onError("invalid_name", NameRules.NAME_RULE));
            return;
        }
        if (request.selfId().value().length() > LanProtocol.MAX_INSTANCE_NAME_BYTES) {
            tell(l -> l.onError("invalid_peer_id", "A LAN peer id is at most 63 characters."));
            return;
        }
        log.info("Joining LAN room '{}' on {}", room.get(), discovery.lanInterface().name());
        tell(l -> l.onStateChanged(SignalingState.CONNECTING, ""));
        // About 0.4 s of KDF, once per join: the room's name never goes on the LAN, its blinded id does.
        LanRoomSecret secret = request.password().map(p -> LanRoomSecret.derive(p, room.get())).orElse(null);
        String known = secret == null ? room.get() : secret.blindedId();
        int id = ++session;
        DirectSignalingServer server;
        try {
            server = DirectSignalingServer.open(discovery.lanInterface(), socket -> accepted(id, socket));
        } catch (LanUnavailableException e) {
            tell(l -> l.onError("lan_unavailable", e.getMessage()));
            tell(l -> l.onStateChanged(SignalingState.CLOSED, e.getMessage()));
            return;
        }
        Joined j = new Joined(id, known, secret, request.selfId(), name.get(), server);
        joined = j;
        LanAnnouncement announcement = j.blinded()
                ? LanAnnouncement.blinded(j.room, j.self, j.name, identity.publicKey())
                : new LanAnnouncement(j.room, j.self, j.name, request.isPublic(), identity.publicKey());
        j.announcer = discovery.announce(announcement, server::port);
        tell(l -> l.onStateChanged(SignalingState.JOINED, ""));
        tell(l -> l.onJoined(j.self, List.of()));
        j.browserListener = new LanRoomsListener() {
            @Override
            public void memberAppeared(LanMember member) {
                post(() -> seen(id, member));
            }

            @Override
            public void memberChanged(LanMember before, LanMember after) {
                post(() -> changed(id, before, after));
            }

            @Override
            public void memberVanished(LanMember member) {
                post(() -> vanished(id, member));
            }
        };
        discovery.browser().addListener(j.browserListener);
        j.pings = timer.scheduleAtFixedRate(() -> post(() -> ping(id)),
                PING_INTERVAL_MILLIS, PING_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        log.info("Joined LAN room '{}' as {} on {}", room.get(), j.self, discovery.lanInterface().name());
    }

    private void doLeave(boolean notify) {
        Joined j = joined;
        if (j == null) {
            return;
        }
        joined = null;
        session++;
        discovery.browser().removeListener(j.browserListener);
        j.pings.cancel(false);
        for (RemotePeer peer : j.peers.values()) {
            if (peer.outbound != null) {
                peer.outbound.finish(new DirectMessage.Bye());
            }
            if (peer.inbound != null) {
                peer.inbound.close();
            }
        }
        List.copyOf(j.unidentified.keySet()).forEach(DirectConnection::close);
        j.server.close();
        j.announcer.close();
        log.info("Left LAN room '{}'", j.room);
        if (notify) {
            tell(l -> l.onStateChanged(SignalingState.CLOSED, ""));
        }
    }

    // ---- peers found by mDNS -------------------------------------------------------------

    private Joined current(int id) {
        Joined j = joined;
        return j != null && j.id == id ? j : null;
    }

    private void seen(int id, LanMember member) {
        Joined j = current(id);
        if (j == null || !j.announcedBy(member) || member.id().equals(j.self)
                || j.departed.contains(member.id())) {
            return;
        }
        RemotePeer peer = j.peers.get(member.id());
        if (peer == null) {
            // Anyone can copy a blinded id from mDNS: in a password room only a proven hello admits.
            PeerInfo info = new PeerInfo(member.id(), member.displayName());
            peer = j.blinded() ? candidate(j, info) : admit(j, info);
            if (peer == null) {
                return;
            }
        }
        if (peer.key == null && !member.announcement().key().isEmpty()) {
            // Known before anyone calls with this id: a hello racing the peer's own call must prove it too.
            peer.key = member.announcement().key();
        }
        if (peer.outbound == null && !peer.dialing) {
            dial(j, peer, orderedEndpoints(member.endpoints()));
        }
    }

    private void changed(int id, LanMember before, LanMember after) {
        Joined j = current(id);
        if (j != null && !j.announcedBy(after) && j.peers.containsKey(after.id())) {
            drop(j, after.id(), "moved to another room");
        } else {
            seen(id, after);
        }
    }

    private void vanished(int id, LanMember member) {
        Joined j = current(id);
        if (j == null) {
            return;
        }
        j.departed.remove(member.id());
        if (j.announcedBy(member)) {
            drop(j, member.id(), "withdrew its announcement");
        }
    }

    /** IPv4 first: IPv6 link-local addresses are the ones most likely to be unreachable. */
    private static List<InetSocketAddress> orderedEndpoints(List<InetSocketAddress> endpoints) {
        List<InetSocketAddress> ordered = new ArrayList<>(endpoints);
        ordered.sort(Comparator.comparing(e -> !(e.getAddress() instanceof Inet4Address)));
        return ordered;
    }

    /** Puts {@code info} in the room (a new peer, or a candidate that proved itself); null when full. */
    private RemotePeer admit(Joined j, PeerInfo info) {
        RemotePeer peer = j.peers.get(info.id());
        if (j.peers.values().stream().filter(p -> p.admitted).count() >= MAX_OTHER_PEERS
                || peer == null && j.peers.size() >= MAX_KNOWN_PEERS) {
            // Our room is whole; the newcomer hears it from our answer to its hello (a full frame),
            // so there is nothing to tell the person here.
            log.info("LAN room already has {} others; not connecting {}", MAX_OTHER_PEERS, info.id());
            return null;
        }
        if (peer == null) {
            peer = new RemotePeer(info);
            j.peers.put(info.id(), peer);
        }
        peer.info = info;
        peer.admitted = true;
        j.departed.remove(info.id());
        log.debug("LAN peer {} joined", info.id());
        tell(l -> l.onPeerJoined(info));
        return peer;
    }

    /** A password room's member seen in mDNS only: dialed so it hears our proof, not in the room yet. */
    private RemotePeer candidate(Joined j, PeerInfo info) {
        if (j.peers.size() >= MAX_KNOWN_PEERS) {
            log.debug("Not calling LAN peer {}: {} peers and callers known already", info.id(), MAX_KNOWN_PEERS);
            return null;
        }
        RemotePeer peer = new RemotePeer(info);
        j.peers.put(info.id(), peer);
        j.departed.remove(info.id());
        return peer;
    }

    private void drop(Joined j, PeerId id, String reason) {
        RemotePeer peer = j.peers.remove(id);
        if (peer == null) {
            return;
        }
        j.departed.add(id);
        if (peer.outbound != null) {
            peer.outbound.close();
        }
        if (peer.inbound != null) {
            j.inboundOwners.remove(peer.inbound);
            peer.inbound.close();
        }
        log.debug("LAN peer {} left: {}", id, reason);
        if (peer.admitted) {
            tell(l -> l.onPeerLeft(id));
        }
    }

    // ---- connections we dial (we send on them) -------------------------------------------

    private void dial(Joined j, RemotePeer peer, List<InetSocketAddress> endpoints) {
        peer.dialing = true;
        int id = j.id;
        PeerId peerId = peer.info.id();
        connector.execute(() -> {
            for (InetSocketAddress endpoint : endpoints) {
                Socket socket = new Socket();
                try {
                    socket.setTcpNoDelay(true);
                    socket.connect(endpoint, CONNECT_TIMEOUT_MILLIS);
                    post(() -> connected(id, peerId, socket));
                    return;
                } catch (IOException e) {
                    closeQuietly(socket);
                    log.debug("Could not reach LAN peer {} at {}: {}", peerId, endpoint, e.getMessage());
                }
            }
            post(() -> {
                Joined current = current(id);
                if (current != null) {
                    drop(current, peerId, "unreachable");
                }
            });
        });
    }

    private void connected(int id, PeerId peerId, Socket socket) {
        Joined j = current(id);
        RemotePeer peer = j == null ? null : j.peers.get(peerId);
        if (peer == null) {
            closeQuietly(socket);
            return;
        }
        peer.dialing = false;
        // No read timeout: the callee writes only its challenge (a deadline below) and then nothing.
        DirectConnection connection = new DirectConnection(socket, "out-" + peerId, 0);
        peer.outbound = connection;
        peer.outboundReady = false;
        connection.start(new DirectConnection.Listener() {
            @Override
            public void onMessage(DirectConnection c, DirectMessage message) {
                if (message instanceof DirectMessage.Challenge challenge) {
                    post(() -> challenged(id, peerId, c, challenge));
                } else if (message instanceof DirectMessage.Full) {
                    post(() -> refusedAsFull(id, peerId, c));
                }
                // Nothing else is expected from the callee; anything else is ignored.
            }

            @Override
            public void onClosed(DirectConnection c, String reason) {
                post(() -> outboundClosed(id, peerId, c, reason));
            }
        });
        timer.schedule(() -> post(() -> {
            Joined current = current(id);
            RemotePeer p = current == null ? null : current.peers.get(peerId);
            if (p != null && p.outbound == connection && !p.outboundReady) {
                connection.close("no challenge from the callee");
            }
        }), HELLO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The callee's challenge on the connection we dialed: answer it in our hello, then send what waited. */
    private void challenged(int id, PeerId peerId, DirectConnection connection, DirectMessage.Challenge challenge) {
        Joined j = current(id);
        RemotePeer peer = j == null ? null : j.peers.get(peerId);
        if (peer == null || peer.outbound != connection || peer.outboundReady) {
            return; // an old connection, or a second challenge
        }
        byte[] nonce = java.util.Base64.getDecoder().decode(challenge.nonce());
        int port = j.server.port(connection.local().getAddress());
        String roomProof = j.blinded() ? j.secret.prove(nonce, j.self, identity.publicKey(), peerId) : "";
        connection.send(new DirectMessage.Hello(LanProtocol.VERSION, j.room, j.self, j.name, port,
                identity.publicKey(), identity.prove(nonce, j.room, j.self, peerId), j.blinded(), roomProof));
        peer.outboundReady = true;
        while (!peer.pending.isEmpty()) {
            connection.send(new DirectMessage.Signal(peer.pending.poll()));
        }
        if (peer.redialed != null) {
            peer.redialed.complete(null);
            peer.redialed = null;
        }
    }

    /** A member whose room already has 8 people would not let us in: say so once, and do not call it again. */
    private void refusedAsFull(int id, PeerId peerId, DirectConnection connection) {
        Joined j = current(id);
        RemotePeer peer = j == null ? null : j.peers.get(peerId);
        if (peer == null || peer.outbound != connection) {
            return;
        }
        drop(j, peerId, "its room is full");
        if (!j.warnedFull) {
            j.warnedFull = true;
            tell(l -> l.onError("room_full", "This LAN room already has 8 people; you are not connected to them."));
        }
    }

    private void outboundClosed(int id, PeerId peerId, DirectConnection connection, String reason) {
        Joined j = current(id);
        RemotePeer peer = j == null ? null : j.peers.get(peerId);
        if (peer != null && peer.outbound == connection) {
            drop(j, peerId, "connection lost (" + reason + ")");
        }
    }

    private void ping(int id) {
        Joined j = current(id);
        if (j != null) {
            j.peers.values().stream().filter(p -> p.outbound != null && p.outboundReady)
                    .forEach(p -> p.outbound.send(new DirectMessage.Ping()));
        }
    }

    private void doSend(PeerId to, SignalPayload payload) {
        Joined j = joined;
        RemotePeer peer = j == null ? null : j.peers.get(to);
        if (peer == null || !peer.admitted) {
            tell(l -> l.onError("unknown_peer", "That person is not in the LAN room (any more)."));
            return;
        }
        if (peer.outbound != null && peer.outboundReady) {
            peer.outbound.send(new DirectMessage.Signal(payload));
        } else if (peer.pending.size() < RemotePeer.PENDING_LIMIT) {
            peer.pending.add(payload);
        } else {
            tell(l -> l.onError("peer_unreachable", "Could not reach " + peer.info.displayName() + " on the LAN."));
        }
    }

    /**
     * Calls {@code peer} again on a fresh connection and leaves the old one open, as after a blip
     * only this side noticed; the peer keeps the newer one because it proves the same key (tests
     * of decision 0014). Completes when our hello is on its way.
     */
    java.util.concurrent.CompletableFuture<Void> redial(PeerId peer) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        post(() -> {
            Joined j = joined;
            RemotePeer p = j == null ? null : j.peers.get(peer);
            if (p == null || p.outbound == null || !p.outboundReady) {
                done.completeExceptionally(new IllegalStateException("Not connected to " + peer + "."));
                return;
            }
            InetSocketAddress at = p.outbound.remote();
            p.outbound = null;
            p.outboundReady = false;
            p.redialed = done;
            dial(j, p, List.of(at));
        });
        return done;
    }

    // ---- connections other peers dialed (we receive on them) -----------------------------

    /** Called on the acceptor thread. */
    private void accepted(int id, Socket socket) {
        DirectConnection connection = new DirectConnection(socket, "in-" + socket.getInetAddress().getHostAddress(),
                HELLO_TIMEOUT_MILLIS);
        post(() -> {
            Joined j = current(id);
            if (j == null) {
                closeQuietly(socket);
                return;
            }
            DirectSignalingServer server = j.server;
            byte[] nonce = LanIdentity.nonce();
            j.unidentified.put(connection, nonce);
            connection.start(new DirectConnection.Listener() {
                @Override
                public void onMessage(DirectConnection c, DirectMessage message) {
                    post(() -> inbound(id, c, message));
                }

                @Override
                public void onClosed(DirectConnection c, String reason) {
                    server.release();
                    post(() -> inboundClosed(id, c, reason));
                }
            });
            connection.send(new DirectMessage.Challenge(java.util.Base64.getEncoder().encodeToString(nonce)));
        });
    }

    private void inbound(int id, DirectConnection connection, DirectMessage message) {
        Joined j = current(id);
        if (j == null) {
            connection.close();
            return;
        }
        PeerId from = j.inboundOwners.get(connection);
        if (from == null) {
            byte[] nonce = j.unidentified.remove(connection);
            if (nonce == null) {
                return; // already replaced or closed
            }
            if (!(message instanceof DirectMessage.Hello hello)) {
                connection.close("first frame was not a hello");
                return;
            }
            identify(j, connection, hello, nonce);
            return;
        }
        if (message instanceof DirectMessage.Signal signal) {
            tell(l -> l.onSignal(from, signal.payload()));
        } else if (message instanceof DirectMessage.Bye) {
            drop(j, from, "said goodbye");
        } else if (message instanceof DirectMessage.Hello) {
            connection.close("second hello");
        }
    }

    private void identify(Joined j, DirectConnection connection, DirectMessage.Hello hello, byte[] nonce) {
        if (hello.version() != LanProtocol.VERSION || hello.blinded() != j.blinded() || !hello.room().equals(j.room)
                || hello.peerId().equals(j.self)) {
            connection.close("hello for another version, room or our own id");
            return;
        }
        if (j.blinded() && !j.secret.verify(hello.roomProof(), nonce, hello.peerId(), hello.key(), j.self)) {
            // It copied the blinded id (mDNS is public) but does not know the room's secret.
            connection.close("hello without the room's proof");
            return;
        }
        if (!LanIdentity.verify(hello.key(), hello.proof(), nonce, j.room, hello.peerId(), j.self)) {
            connection.close("hello without a valid signature over our challenge");
            return;
        }
        RemotePeer peer = j.peers.get(hello.peerId());
        if (peer != null && peer.key != null && !peer.key.equals(hello.key())) {
            // Peer ids are public (mDNS): anyone can claim one, only its owner has the key.
            log.debug("Refused a hello as {} from {}: another key than that peer's", hello.peerId(), connection.remote());
            connection.close("another key than the peer's");
            return;
        }
        if (peer == null || !peer.admitted) {
            peer = admit(j, new PeerInfo(hello.peerId(), hello.name()));
            if (peer == null) {
                connection.finish(new DirectMessage.Full()); // the caller tells its person why
                return;
            }
        }
        peer.key = hello.key();
        if (peer.inbound != null) {
            // The same peer called again (same key, e.g. after a network blip): the newer connection wins.
            j.inboundOwners.remove(peer.inbound);
            peer.inbound.close();
        }
        peer.inbound = connection;
        j.inboundOwners.put(connection, hello.peerId());
        connection.setReadTimeout(IDLE_TIMEOUT_MILLIS);
        if (peer.outbound == null && !peer.dialing) {
            // Call back on the address that reached us: the newcomer need not wait for our mDNS.
            dial(j, peer, List.of(new InetSocketAddress(connection.remote().getAddress(), hello.port())));
        }
    }

    private void inboundClosed(int id, DirectConnection connection, String reason) {
        Joined j = current(id);
        if (j == null) {
            return;
        }
        j.unidentified.remove(connection);
        PeerId from = j.inboundOwners.remove(connection);
        if (from != null) {
            drop(j, from, "connection lost (" + reason + ")");
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    private void tell(Consumer<SignalingListener> call) {
        tell(listener, call);
    }

    private void tell(SignalingListener target, Consumer<SignalingListener> call) {
        if (target == null || closed) {
            return;
        }
        try {
            call.accept(target);
        } catch (RuntimeException e) {
            log.warn("A signaling listener failed", e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
