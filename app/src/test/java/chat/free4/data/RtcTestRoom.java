package chat.free4.data;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Real WebRTC peers in one JVM for data channel tests: real peer connections, ICE, DTLS and
 * SCTP, with the session descriptions handed across directly instead of through signaling.
 * Each {@link Peer} carries the same {@link ChannelPlugin}s the app uses. Runs inside the test
 * network namespace (libwebrtc gathers no loopback candidates).
 */
public final class RtcTestRoom implements AutoCloseable {
    private final HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
    private final PeerConnectionFactory factory = new PeerConnectionFactory(audio);
    private final ExecutorService events = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rtc-test-events");
        t.setDaemon(true);
        return t;
    });
    private final List<Peer> peers = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final boolean inboundLimits;

    /** Channels with the inbound limits of their specs, as in the app. */
    public RtcTestRoom() {
        this(true);
    }

    private RtcTestRoom(boolean inboundLimits) {
        this.inboundLimits = inboundLimits;
    }

    /** For benchmarks of the transport: no inbound rate limits on any channel. */
    public static RtcTestRoom withoutInboundLimits() {
        return new RtcTestRoom(false);
    }

    public static PeerInfo newPeerInfo(String name) {
        return new PeerInfo(PeerId.random(), name);
    }

    public Peer addPeer(PeerInfo info, ChannelPlugin... plugins) {
        Peer p = new Peer(info, List.of(plugins));
        peers.add(p);
        return p;
    }

    /** Connects every pair of peers not connected yet. */
    public void connectAll() throws Exception {
        for (int i = 0; i < peers.size(); i++) {
            for (int j = i + 1; j < peers.size(); j++) {
                if (find(peers.get(i), peers.get(j)) == null) {
                    connect(peers.get(i), peers.get(j));
                }
            }
        }
    }

    /** {@code offerer} creates the data channels; returns once both ends are CONNECTED. */
    public void connect(Peer offerer, Peer answerer) throws Exception {
        Link link = new Link(offerer, answerer);
        links.add(link);
        link.start();
        link.connected.get(20, TimeUnit.SECONDS);
    }

    /**
     * {@code leaver} closes its connection to {@code other}, as when a peer quits: its own
     * channels report closed at once, the other side learns it from the network (SCTP abort).
     */
    public void dropConnection(Peer leaver, Peer other) {
        Link link = find(leaver, other);
        if (link != null) {
            link.closeSide(leaver);
        }
    }

    /** Like the mesh when signaling says a peer left: both sides close their connection. */
    public void disconnect(Peer a, Peer b) {
        Link link = find(a, b);
        if (link != null) {
            link.closeSide(a);
            link.closeSide(b);
            links.remove(link);
        }
    }

    /** {@code self}'s end of the channel {@code label} to {@code remote}, once it exists. */
    public Optional<RtcFeatureChannel> channel(Peer self, Peer remote, String label) {
        Link link = find(self, remote);
        if (link == null) {
            return Optional.empty();
        }
        End end = link.offerer == self ? link.a : link.b;
        return end.channels.keySet().stream().filter(c -> c.label().equals(label)).findFirst();
    }

    private Link find(Peer a, Peer b) {
        for (Link l : links) {
            if ((l.offerer == a && l.answerer == b) || (l.offerer == b && l.answerer == a)) {
                return l;
            }
        }
        return null;
    }

    @Override
    public void close() {
        for (Link l : List.copyOf(links)) {
            l.closeSide(l.offerer);
            l.closeSide(l.answerer);
        }
        links.clear();
        factory.dispose();
        audio.dispose();
        events.shutdownNow();
    }

    private static RTCConfiguration rtcConfiguration() {
        RTCConfiguration config = new RTCConfiguration();
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        PortAllocatorConfig ports = new PortAllocatorConfig(0, 0, 0);
        ports.setDisableTcp(true);
        ports.setDisableRelay(true);
        config.portAllocatorConfig = ports;
        return config;
    }

    /** One test peer: who it is and its channel plugins. */
    public static final class Peer {
        public final PeerInfo info;
        final List<ChannelPlugin> plugins;

        Peer(PeerInfo info, List<ChannelPlugin> plugins) {
            this.info = info;
            this.plugins = plugins;
        }

        @Override
        public String toString() {
            return info.displayName();
        }
    }

    /** The two ends of one real peer connection. */
    private final class Link {
        final Peer offerer;
        final Peer answerer;
        final End a;
        final End b;
        final CompletableFuture<Void> connected;

        Link(Peer offerer, Peer answerer) {
            this.offerer = offerer;
            this.answerer = answerer;
            this.a = new End(offerer, answerer);
            this.b = new End(answerer, offerer);
            a.other = b;
            b.other = a;
            connected = CompletableFuture.allOf(a.connected, b.connected);
        }

        void start() throws Exception {
            a.pc = factory.createPeerConnection(rtcConfiguration(), a);
            b.pc = factory.createPeerConnection(rtcConfiguration(), b);
            for (ChannelPlugin plugin : offerer.plugins) {
                a.adopt(a.pc.createDataChannel(plugin.spec().label(), plugin.spec().toInit()));
            }
            RTCSessionDescription offer = create(a.pc, true);
            setLocal(a.pc, offer);
            setRemote(b.pc, offer);
            b.remoteSet();
            RTCSessionDescription answer = create(b.pc, false);
            setLocal(b.pc, answer);
            setRemote(a.pc, answer);
            a.remoteSet();
        }

        void closeSide(Peer side) {
            End end = side == offerer ? a : b;
            end.close();
        }
    }

    /** One side of a link: its peer connection, observer and channels. */
    private final class End implements PeerConnectionObserver {
        final Peer self;
        final Peer remote;
        End other;
        RTCPeerConnection pc;
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        private final List<RTCIceCandidate> pending = new ArrayList<>();
        private boolean remoteSet;
        private final Map<RtcFeatureChannel, RTCDataChannel> channels = new ConcurrentHashMap<>();
        private boolean closed;
        private final Object nativeLock = new Object();
        /** Guarded by nativeLock. */
        private boolean pcClosed;

        End(Peer self, Peer remote) {
            this.self = self;
            this.remote = remote;
        }

        void adopt(RTCDataChannel channel) {
            String label = channel.getLabel();
            ChannelPlugin plugin = self.plugins.stream().filter(p -> p.spec().label().equals(label))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no plugin for " + label));
            RtcFeatureChannel wrapped = new RtcFeatureChannel(channel, remote.info, new SerialExecutor(events),
                    inboundLimits ? plugin.spec().inbound() : InboundRate.UNLIMITED);
            channels.put(wrapped, channel);
            plugin.attach(wrapped);
        }

        /*
         * Native calls on pc are made under nativeLock, never under this End's monitor: libwebrtc
         * runs them on its signaling thread, and that thread may be inside onDataChannel waiting
         * for the monitor (seen: addIceCandidate under the monitor deadlocked a test's teardown).
         */
        void remoteSet() {
            List<RTCIceCandidate> queued;
            synchronized (this) {
                remoteSet = true;
                queued = List.copyOf(pending);
                pending.clear();
            }
            synchronized (nativeLock) {
                if (!pcClosed) {
                    queued.forEach(pc::addIceCandidate);
                }
            }
        }

        void addRemoteCandidate(RTCIceCandidate c) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (!remoteSet) {
                    pending.add(c);
                    return;
                }
            }
            synchronized (nativeLock) {
                if (!pcClosed) {
                    pc.addIceCandidate(c);
                }
            }
        }

        void close() {
            Map<RtcFeatureChannel, RTCDataChannel> toClose;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                toClose = Map.copyOf(channels);
                channels.clear();
            }
            toClose.keySet().forEach(RtcFeatureChannel::markClosed);
            synchronized (nativeLock) {
                pcClosed = true;
                toClose.values().forEach(c -> {
                    c.unregisterObserver();
                    c.close();
                    c.dispose();
                });
                pc.close();
            }
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            events.execute(() -> other.addRemoteCandidate(candidate));
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED) {
                connected.complete(null);
            }
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            synchronized (this) {
                if (!closed) {
                    adopt(channel);
                }
            }
        }
    }

    private static RTCSessionDescription create(RTCPeerConnection pc, boolean offer) throws Exception {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        CreateSessionDescriptionObserver observer = new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                result.complete(description);
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new IllegalStateException(error));
            }
        };
        if (offer) {
            pc.createOffer(new RTCOfferOptions(), observer);
        } else {
            pc.createAnswer(new RTCAnswerOptions(), observer);
        }
        return result.get(10, TimeUnit.SECONDS);
    }

    private static void setLocal(RTCPeerConnection pc, RTCSessionDescription d) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pc.setLocalDescription(d, observer(done));
        done.get(10, TimeUnit.SECONDS);
    }

    private static void setRemote(RTCPeerConnection pc, RTCSessionDescription d) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pc.setRemoteDescription(d, observer(done));
        done.get(10, TimeUnit.SECONDS);
    }

    private static SetSessionDescriptionObserver observer(CompletableFuture<Void> done) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
    }
}
