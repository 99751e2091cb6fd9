package chat.free4.mesh;

import chat.free4.peer.PeerConnectionStatus;
import chat.free4.media.LocalTrack;
import chat.free4.media.LocalTracks;
import chat.free4.media.Media;
import chat.free4.media.MediaKind;
import chat.free4.media.RemoteTrack;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerId;
import chat.free4.signaling.SignalPayload;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebRTC connection to one remote peer, and its repair. Owns its RTCPeerConnection, the
 * data channels on it, what it sends (asked of the media layer, one track per kind) and what it
 * made of the peer's tracks (one per kind, handed back by the media layer). It knows no kind of
 * media itself: audio is just the first the media layer has. Every method runs on the mesh
 * thread; native callbacks are handed to that thread and ignored when they belong to an older
 * connection ({@code generation}) or after {@link #close()}.
 */
final class PeerLink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);

    /** What a link needs from its mesh. */
    interface Host {
        ScheduledExecutorService loop();

        Media media();

        MeshConfig config();

        /** The configuration for a new connection: the mesh's, plus the servers of the last {@code joined}. */
        dev.onvoid.webrtc.RTCConfiguration rtcConfiguration();

        List<DataChannelPlugin> plugins();

        void send(PeerId to, SignalPayload payload);

        void statusChanged(PeerLink link);

        /** Both fingerprints of the link's connection are known: the words its two people can compare. */
        void safetyCode(PeerLink link, String words);

        /** A kind of media started receiving a track of the link's peer. */
        void remoteTrack(PeerLink link, RemoteTrack track);

        /** A track from {@link #remoteTrack} was detached (replaced, connection rebuilt or closed). */
        void remoteTrackEnded(PeerLink link, RemoteTrack track);

        /** The link gave up or its peer is gone; the mesh decides whether to drop it. */
        void repairsExhausted(PeerLink link);

        /**
         * The peer's offer needs a new native connection; false if it has had too many lately
         * (the mesh then drops the link, so the caller must stop).
         */
        boolean admitNewSession(PeerLink link);
    }

    private final Host host;
    private final PeerId self;
    private final PeerId remote;
    private final boolean offerer;
    private RTCPeerConnection pc;
    private LocalTracks send;
    private int generation;
    private boolean closed;
    private boolean remoteDescriptionSet;
    private boolean localDescriptionSent;
    /** The certificate fingerprints of this connection as the two SDPs name them ("" until known). */
    private String localFingerprint = "";
    private String remoteFingerprint = "";
    private String safetyCode = "";
    private boolean trackAdded;
    private String remoteSessionId = "";
    private final List<RTCIceCandidate> pendingRemoteCandidates = new ArrayList<>();
    private boolean warnedCandidates;
    private final List<RTCIceCandidate> pendingLocalCandidates = new ArrayList<>();
    private final Map<String, RTCDataChannel> channels = new LinkedHashMap<>();
    private final Map<TrackKind, RemoteTrack> remoteTracks = new EnumMap<>(TrackKind.class);
    private PeerConnectionStatus status = PeerConnectionStatus.NEW;
    private int repairs;
    private ScheduledFuture<?> watchdog;
    private long connectedAtNanos;
    private long startedAtNanos;

    PeerLink(Host host, PeerId self, PeerId remote) {
        this.host = host;
        this.self = self;
        this.remote = remote;
        this.offerer = OfferRule.iOffer(self, remote);
    }

    PeerId remote() {
        return remote;
    }

    boolean offerer() {
        return offerer;
    }

    PeerConnectionStatus status() {
        return status;
    }

    boolean closed() {
        return closed;
    }

    Optional<RTCDataChannel> channel(String label) {
        return Optional.ofNullable(channels.get(label));
    }

    Optional<RemoteTrack> remoteTrack(TrackKind kind) {
        return Optional.ofNullable(remoteTracks.get(kind));
    }

    /** WebRTC statistics of this connection (for diagnostics and benchmarks). */
    java.util.concurrent.CompletableFuture<dev.onvoid.webrtc.RTCStatsReport> stats() {
        java.util.concurrent.CompletableFuture<dev.onvoid.webrtc.RTCStatsReport> result = new java.util.concurrent.CompletableFuture<>();
        if (pc == null || closed) {
            result.completeExceptionally(new IllegalStateException("No connection to " + remote + " right now."));
        } else {
            pc.getStats(result::complete);
        }
        return result;
    }

    /** The mesh has new ICE servers (fresh TURN credentials): the next ICE restart gathers with them. */
    void iceServersChanged() {
        if (pc == null || closed) {
            return; // the next connection is built with them anyway
        }
        try {
            pc.setConfiguration(host.rtcConfiguration());
        } catch (RuntimeException e) {
            // E.g. TCP candidates would change, which libwebrtc refuses on a live connection.
            LOG.info("The connection to {} keeps its ICE servers until it is rebuilt: {}", remote, e.getMessage());
        }
    }

    /** Starts connecting: the offerer sends an offer, the answerer waits for one. */
    void start() {
        startedAtNanos = System.nanoTime();
        setStatus(PeerConnectionStatus.CONNECTING);
        if (offerer) {
            newConnection();
            sendOffer(false);
        }
        armWatchdog(host.config().connectTimeout().toMillis());
    }

    // ---- signaling input ----

    void onSignal(SignalPayload payload) {
        if (closed) {
            return;
        }
        if (payload instanceof SignalPayload.Offer offer) {
            onOffer(offer.sdp());
        } else if (payload instanceof SignalPayload.Answer answer) {
            onAnswer(answer.sdp());
        } else if (payload instanceof SignalPayload.Candidate c) {
            onRemoteCandidate(new RTCIceCandidate(c.mid(), c.index(), c.candidate()));
        }
    }

    private void onOffer(String sdp) {
        if (offerer) {
            LOG.warn("Ignoring an offer from {}: by the offer rule I offer to it", remote);
            return;
        }
        String session = SdpMunger.sessionId(sdp);
        if (pc == null || !session.equals(remoteSessionId)) {
            // A new connection on the other side (first offer, or a rebuilt one): start afresh.
            if (!host.admitNewSession(this)) {
                return;
            }
            newConnection();
        }
        remoteSessionId = session;
        int gen = generation;
        LocalTrack.Change ticket = send.beginChange();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.OFFER, sdp), onLoop(gen, "remote offer", ticket, () -> {
            remoteDescriptionSet = true;
            remoteFingerprint(sdp);
            drainRemoteCandidates();
            if (!trackAdded) {
                // After the remote offer, so each track reuses the offered transceiver of its kind.
                send.addTo(pc);
                trackAdded = true;
            }
            pc.createAnswer(new RTCAnswerOptions(), created(gen, RTCSdpType.ANSWER));
        }));
    }

    private void onAnswer(String sdp) {
        if (!offerer || pc == null) {
            return;
        }
        int gen = generation;
        LocalTrack.Change ticket = send.beginChange();
        pc.setRemoteDescription(new RTCSessionDescription(RTCSdpType.ANSWER, sdp), onLoop(gen, "remote answer", ticket, () -> {
            remoteDescriptionSet = true;
            remoteFingerprint(sdp);
            drainRemoteCandidates();
        }));
    }

    private void onRemoteCandidate(RTCIceCandidate candidate) {
        if (pc != null && remoteDescriptionSet) {
            pc.addIceCandidate(candidate);
        } else if (pendingRemoteCandidates.size() < host.config().limits().queuedRemoteCandidates()) {
            pendingRemoteCandidates.add(candidate);
        } else if (!warnedCandidates) {
            // A real peer sends a few dozen; the rest would only be memory it makes us hold.
            warnedCandidates = true;
            LOG.warn("{} sent more than {} ICE candidates before its description; dropping the rest", remote,
                    pendingRemoteCandidates.size());
        }
    }

    private void drainRemoteCandidates() {
        for (RTCIceCandidate c : pendingRemoteCandidates) {
            pc.addIceCandidate(c);
        }
        pendingRemoteCandidates.clear();
    }

    // ---- connection lifecycle ----

    private void remoteFingerprint(String sdp) {
        SafetyCode.fingerprintOf(sdp).ifPresent(f -> {
            remoteFingerprint = f;
            safetyCodeMaybeKnown();
        });
    }

    private void safetyCodeMaybeKnown() {
        if (localFingerprint.isEmpty() || remoteFingerprint.isEmpty()) {
            return;
        }
        String words = SafetyCode.of(localFingerprint, remoteFingerprint);
        if (!words.equals(safetyCode)) {
            safetyCode = words;
            host.safetyCode(this, words);
        }
    }

    private void newConnection() {
        disposeConnection();
        generation++;
        int gen = generation;
        remoteDescriptionSet = false;
        localDescriptionSent = false;
        // A new connection has a new certificate on each side: new words to compare.
        localFingerprint = "";
        remoteFingerprint = "";
        trackAdded = false;
        pendingLocalCandidates.clear();
        // Candidates queued so far belong to the session being replaced.
        pendingRemoteCandidates.clear();
        warnedCandidates = false;
        send = host.media().openLocal();
        pc = host.media().factory().createPeerConnection(host.rtcConfiguration(), new Observer(gen));
        if (offerer) {
            send.addTo(pc);
            trackAdded = true;
            for (DataChannelPlugin plugin : host.plugins()) {
                RTCDataChannel channel = pc.createDataChannel(plugin.label(), plugin.init());
                channels.put(plugin.label(), channel);
                plugin.onChannel(remote, channel);
            }
        }
    }

    private void sendOffer(boolean iceRestart) {
        RTCOfferOptions options = new RTCOfferOptions();
        options.iceRestart = iceRestart;
        pc.createOffer(options, created(generation, RTCSdpType.OFFER));
    }

    private CreateSessionDescriptionObserver created(int gen, RTCSdpType type) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                host.loop().execute(() -> {
                    if (closed || gen != generation) {
                        return;
                    }
                    String sdp = SdpMunger.opusMonoWithFec(description.sdp);
                    LocalTrack.Change ticket = send.beginChange();
                    pc.setLocalDescription(new RTCSessionDescription(type, sdp), onLoop(gen, "local " + type, ticket, () -> {
                        host.send(remote, type == RTCSdpType.OFFER ? new SignalPayload.Offer(sdp) : new SignalPayload.Answer(sdp));
                        localDescriptionSent = true;
                        SafetyCode.fingerprintOf(sdp).ifPresent(f -> {
                            localFingerprint = f;
                            safetyCodeMaybeKnown();
                        });
                        pendingLocalCandidates.forEach(PeerLink.this::sendCandidate);
                        pendingLocalCandidates.clear();
                    }));
                });
            }

            @Override
            public void onFailure(String error) {
                host.loop().execute(() -> failed(gen, "could not create " + type + ": " + error));
            }
        };
    }

    private SetSessionDescriptionObserver onLoop(int gen, String what, LocalTrack.Change ticket, Runnable next) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                ticket.close(); // the description is applied: sinks are settled
                host.loop().execute(() -> {
                    if (!closed && gen == generation) {
                        next.run();
                    }
                });
            }

            @Override
            public void onFailure(String error) {
                ticket.close();
                host.loop().execute(() -> failed(gen, "could not set " + what + ": " + error));
            }
        };
    }

    private void sendCandidate(RTCIceCandidate c) {
        host.send(remote, new SignalPayload.Candidate(c.sdpMid, c.sdpMLineIndex, c.sdp));
    }

    private void onConnectionState(RTCPeerConnectionState state) {
        LOG.debug("{} -> {}: {}", self, remote, state);
        switch (state) {
            case CONNECTED -> {
                cancelWatchdog();
                repairs = 0;
                connectedAtNanos = System.nanoTime();
                setStatus(PeerConnectionStatus.CONNECTED);
            }
            case DISCONNECTED -> {
                setStatus(PeerConnectionStatus.RECONNECTING);
                armWatchdog(host.config().disconnectGrace().toMillis());
            }
            case FAILED -> repair("the connection failed");
            default -> {
            }
        }
    }

    private void failed(int gen, String why) {
        if (!closed && gen == generation) {
            repair(why);
        }
    }

    /** First an ICE restart on the same connection, then fresh connections, then "failed". */
    private void repair(String why) {
        if (closed) {
            return;
        }
        cancelWatchdog();
        repairs++;
        if (repairs > host.config().maxRepairs()) {
            giveUp(why);
            return;
        }
        if (!offerer) {
            // Only the offerer repairs; the answerer waits for its next offer.
            setStatus(PeerConnectionStatus.RECONNECTING);
            armWatchdog(host.config().connectTimeout().toMillis());
            return;
        }
        LOG.info("Repairing the connection to {} (attempt {}): {}", remote, repairs, why);
        setStatus(PeerConnectionStatus.RECONNECTING);
        if (repairs == 1 && pc != null && remoteDescriptionSet) {
            pc.restartIce();
            sendOffer(true);
        } else {
            newConnection();
            sendOffer(false);
        }
        armWatchdog(host.config().connectTimeout().toMillis());
    }

    private void giveUp(String why) {
        LOG.info("Giving up on {}: {}", remote, why);
        setStatus(PeerConnectionStatus.FAILED);
        host.repairsExhausted(this);
    }

    /**
     * Tries again from scratch after the link gave up (the peer re-appeared, or the slow retry).
     * Only the offerer acts; the answerer stays "failed" until the next offer arrives.
     */
    void restart() {
        if (closed || !offerer || status != PeerConnectionStatus.FAILED) {
            return;
        }
        repairs = 0;
        cancelWatchdog();
        setStatus(PeerConnectionStatus.CONNECTING);
        newConnection();
        sendOffer(false);
        armWatchdog(host.config().connectTimeout().toMillis());
    }

    private void armWatchdog(long millis) {
        cancelWatchdog();
        watchdog = host.loop().schedule(() -> {
            if (!closed && status != PeerConnectionStatus.CONNECTED) {
                repair("no connection after " + millis + " ms");
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void cancelWatchdog() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
    }

    private void setStatus(PeerConnectionStatus newStatus) {
        if (status != newStatus) {
            status = newStatus;
            host.statusChanged(this);
        }
    }

    long millisToConnect() {
        return connectedAtNanos == 0 ? -1 : (connectedAtNanos - startedAtNanos) / 1_000_000;
    }

    /** Closes and frees everything; idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancelWatchdog();
        disposeConnection();
        setStatus(PeerConnectionStatus.CLOSED);
    }

    private void disposeConnection() {
        for (RemoteTrack track : List.copyOf(remoteTracks.values())) {
            track.detach();
            host.remoteTrackEnded(this, track);
        }
        remoteTracks.clear();
        for (Map.Entry<String, RTCDataChannel> e : channels.entrySet()) {
            RTCDataChannel channel = e.getValue();
            host.plugins().stream().filter(p -> p.label().equals(e.getKey())).findFirst()
                    .ifPresent(p -> p.onChannelClosed(remote, channel));
            channel.unregisterObserver();
            channel.close();
            channel.dispose();
        }
        channels.clear();
        if (pc != null) {
            // webrtc-java 0.14.0 never releases a closed connection, so it would keep holding the
            // sent track (whose dispose then fails): detach the track first.
            try (LocalTrack.Change removing = send.beginChange()) {
                for (RTCRtpSender sender : pc.getSenders()) {
                    try {
                        pc.removeTrack(sender);
                    } catch (RuntimeException e) {
                        LOG.debug("Could not remove a sender from the connection to {}", remote, e);
                    }
                }
                pc.close();
            }
            pc = null;
        }
        if (send != null) {
            send.close();
            send = null;
        }
    }

    private void onTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        // A kind with nothing plugged in (video, to this build) comes back empty: not received, on purpose.
        Optional<MediaKind> kind = host.media().receiverFor(remote, track);
        if (kind.isEmpty()) {
            return;
        }
        RemoteTrack old = remoteTracks.remove(kind.get().kind());
        if (old != null) {
            old.detach();
            host.remoteTrackEnded(this, old);
        }
        RemoteTrack attached = kind.get().attachRemote(remote, track);
        remoteTracks.put(attached.kind(), attached);
        host.remoteTrack(this, attached);
    }

    private void onDataChannel(RTCDataChannel channel) {
        String label = channel.getLabel();
        Optional<DataChannelPlugin> plugin = host.plugins().stream().filter(p -> p.label().equals(label)).findFirst();
        if (plugin.isEmpty()) {
            LOG.warn("{} opened an unknown data channel \"{}\"; closing it", remote, label);
            channel.close();
            channel.dispose();
            return;
        }
        RTCDataChannel old = channels.put(label, channel);
        if (old != null) {
            plugin.get().onChannelClosed(remote, old);
            old.unregisterObserver();
            old.close();
            old.dispose();
        }
        plugin.get().onChannel(remote, channel);
    }

    /** Native callbacks: hand everything to the mesh thread, tagged with the connection generation. */
    private final class Observer implements PeerConnectionObserver {
        private final int gen;

        Observer(int gen) {
            this.gen = gen;
        }

        private void post(Consumer<PeerLink> action) {
            host.loop().execute(() -> {
                if (!closed && gen == generation) {
                    action.accept(PeerLink.this);
                }
            });
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            post(link -> {
                if (localDescriptionSent) {
                    sendCandidate(candidate);
                } else {
                    pendingLocalCandidates.add(candidate);
                }
            });
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            post(link -> onConnectionState(state));
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            post(link -> link.onTrack(transceiver));
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            host.loop().execute(() -> {
                if (!closed && gen == generation) {
                    PeerLink.this.onDataChannel(channel);
                } else {
                    channel.close();
                    channel.dispose();
                }
            });
        }
    }
}
