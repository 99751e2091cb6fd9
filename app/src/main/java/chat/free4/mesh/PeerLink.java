package chat.free4.mesh;

import chat.free4.peer.PeerConnectionStatus;
import chat.free4.media.LocalTrack;
import chat.free4.media.LocalTracks;
import chat.free4.media.Media;
import chat.free4.media.MediaKind;
import chat.free4.media.RemoteTrack;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerId;
import chat.free4.proof.PasswordProof;
import chat.free4.signaling.SignalPayload;
import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
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
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>In a password room a connection first carries only the proof ({@link PasswordProof}, on its
 * own data channel): until both sides have proven the password over these two certificates, what
 * this side sends is switched off, what the peer sends is not played, the features get no channel
 * and the link does not count as connected. A refused proof ends the connection (decision 0019).
 */
final class PeerLink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);
    /** The password proof's data channel; no feature may use this label. */
    static final String PROOF_LABEL = "proof";
    private static final int EARLY_PROOF_MESSAGES = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

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

        /**
         * The room's password as UTF-8 (a fresh copy the link wipes), if the room has one: then
         * every connection proves it before anything else.
         */
        Optional<byte[]> proofPassword();

        /** Whether the room has a password, so that each connection proves it. */
        boolean passwordRoom();

        /** The peer failed the password proof: the link is closed and reported as failed. */
        void proofRefused(PeerLink link);

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
    /** True once this connection may carry the call: at once without a password, after the proof with one. */
    private boolean proven;
    private PasswordProof proof;
    private RTCDataChannel proofChannel;
    private final List<byte[]> earlyProofMessages = new ArrayList<>();
    /** The peer's fingerprint the proof was made over: another one later is another certificate. */
    private String provenRemoteFingerprint = "";
    private boolean transportConnected;
    private final List<RTCRtpTransceiver> heldTracks = new ArrayList<>();
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
            if (!provenRemoteFingerprint.isEmpty() && !provenRemoteFingerprint.equals(f)) {
                refuseProof("a new description named another certificate than the one proven");
                return;
            }
            remoteFingerprint = f;
            safetyCodeMaybeKnown();
            startProofWhenReady();
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
        boolean passwordRoom = host.passwordRoom();
        proven = !passwordRoom;
        provenRemoteFingerprint = "";
        if (passwordRoom) {
            // Nothing of ours is heard before the proof: the track sends silence until then.
            send.tracks().forEach(t -> t.track().setEnabled(false));
        }
        pc = host.media().factory().createPeerConnection(host.rtcConfiguration(), new Observer(gen));
        if (offerer) {
            send.addTo(pc);
            trackAdded = true;
            if (passwordRoom) {
                RTCDataChannelInit init = new RTCDataChannelInit();
                init.ordered = true;
                attachProof(pc.createDataChannel(PROOF_LABEL, init));
            }
            for (DataChannelPlugin plugin : host.plugins()) {
                RTCDataChannel channel = pc.createDataChannel(plugin.label(), plugin.init());
                channels.put(plugin.label(), channel);
                if (proven) {
                    plugin.onChannel(remote, channel);
                }
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
                transportConnected = true;
                if (proven) {
                    connected();
                } else {
                    startProofWhenReady(); // connected counts from the proof on
                }
            }
            case DISCONNECTED -> {
                transportConnected = false;
                setStatus(PeerConnectionStatus.RECONNECTING);
                armWatchdog(host.config().disconnectGrace().toMillis());
            }
            case FAILED -> {
                transportConnected = false;
                repair("the connection failed");
            }
            default -> {
            }
        }
    }

    private void connected() {
        cancelWatchdog();
        repairs = 0;
        connectedAtNanos = System.nanoTime();
        setStatus(PeerConnectionStatus.CONNECTED);
    }

    // ---- the password proof ----

    private void attachProof(RTCDataChannel channel) {
        proofChannel = channel;
        int gen = generation;
        channel.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
            }

            @Override
            public void onStateChange() {
                host.loop().execute(() -> {
                    if (!closed && gen == generation) {
                        startProofWhenReady();
                    }
                });
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                ByteBuffer data = buffer.data;
                int size = data.remaining();
                byte[] message = size > PasswordProof.MAX_MESSAGE_BYTES ? null : new byte[size];
                if (message != null) {
                    data.get(message);
                }
                host.loop().execute(() -> {
                    if (!closed && gen == generation) {
                        onProofMessage(message);
                    }
                });
            }
        });
    }

    /** Starts the proof once its channel is open and both certificates are known. */
    private void startProofWhenReady() {
        if (proven || proof != null || proofChannel == null || localFingerprint.isEmpty() || remoteFingerprint.isEmpty()
                || proofChannel.getState() != RTCDataChannelState.OPEN) {
            return;
        }
        Optional<byte[]> password = host.proofPassword();
        if (password.isEmpty()) {
            return;
        }
        try {
            proof = new PasswordProof(password.get(), self.value(), remote.value(), localFingerprint, remoteFingerprint, RANDOM);
        } finally {
            Arrays.fill(password.get(), (byte) 0);
        }
        sendProof(proof.start());
        List<byte[]> early = List.copyOf(earlyProofMessages);
        earlyProofMessages.clear();
        early.forEach(this::onProofMessage);
    }

    private void onProofMessage(byte[] message) {
        if (message == null) {
            refuseProof("a proof message larger than " + PasswordProof.MAX_MESSAGE_BYTES + " bytes");
            return;
        }
        if (proof == null) {
            if (earlyProofMessages.size() >= EARLY_PROOF_MESSAGES) {
                refuseProof("more proof messages than the proof has before it started");
            } else {
                earlyProofMessages.add(message);
            }
            return;
        }
        proof.receive(message).ifPresent(this::sendProof);
        switch (proof.state()) {
            case PROVEN -> {
                if (!proven) {
                    proofSucceeded();
                }
            }
            case REFUSED -> refuseProof(proof.refusal());
            default -> {
            }
        }
    }

    private void sendProof(byte[] message) {
        try {
            proofChannel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(message), true));
        } catch (Exception e) {
            LOG.info("Could not send the password proof to {}: {}", remote, e.getMessage());
        }
    }

    private void proofSucceeded() {
        LOG.info("{} proved the room's password over this connection", remote);
        proven = true;
        provenRemoteFingerprint = remoteFingerprint;
        send.tracks().forEach(t -> t.track().setEnabled(true));
        for (Map.Entry<String, RTCDataChannel> e : channels.entrySet()) {
            host.plugins().stream().filter(p -> p.label().equals(e.getKey())).findFirst()
                    .ifPresent(p -> p.onChannel(remote, e.getValue()));
        }
        List<RTCRtpTransceiver> held = List.copyOf(heldTracks);
        heldTracks.clear();
        held.forEach(this::onTrack);
        if (transportConnected) {
            connected();
        }
    }

    private void refuseProof(String why) {
        if (closed || status == PeerConnectionStatus.FAILED) {
            return;
        }
        LOG.warn("Refused the connection to {}: the password proof failed ({})", remote, why);
        cancelWatchdog();
        disposeConnection();
        generation++; // the closed connection's late callbacks are ignored
        setStatus(PeerConnectionStatus.FAILED);
        host.proofRefused(this);
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
            if (closed || status == PeerConnectionStatus.CONNECTED) {
                return;
            }
            if (transportConnected && !proven) {
                // Connected, but the peer has not proven the password: a peer without one, or stalling.
                refuseProof("no password proof within " + millis + " ms of connecting");
            } else {
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
        heldTracks.clear();
        for (Map.Entry<String, RTCDataChannel> e : channels.entrySet()) {
            RTCDataChannel channel = e.getValue();
            if (proven) {
                host.plugins().stream().filter(p -> p.label().equals(e.getKey())).findFirst()
                        .ifPresent(p -> p.onChannelClosed(remote, channel));
            }
            channel.unregisterObserver();
            channel.close();
            channel.dispose();
        }
        channels.clear();
        if (proofChannel != null) {
            proofChannel.unregisterObserver();
            proofChannel.close();
            proofChannel.dispose();
            proofChannel = null;
        }
        proof = null;
        earlyProofMessages.clear();
        transportConnected = false;
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
        if (!proven) {
            heldTracks.add(transceiver); // played once the peer has proven the password
            return;
        }
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
        if (label.equals(PROOF_LABEL)) {
            if (proven || proofChannel != null || offerer) {
                LOG.warn("{} opened a password proof channel this connection does not expect; closing it", remote);
                channel.close();
                channel.dispose();
                return;
            }
            attachProof(channel);
            startProofWhenReady();
            return;
        }
        Optional<DataChannelPlugin> plugin = host.plugins().stream().filter(p -> p.label().equals(label)).findFirst();
        if (plugin.isEmpty()) {
            LOG.warn("{} opened an unknown data channel \"{}\"; closing it", remote, label);
            channel.close();
            channel.dispose();
            return;
        }
        RTCDataChannel old = channels.put(label, channel);
        if (old != null) {
            if (proven) {
                plugin.get().onChannelClosed(remote, old);
            }
            old.unregisterObserver();
            old.close();
            old.dispose();
        }
        if (proven) {
            plugin.get().onChannel(remote, channel);
        }
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
