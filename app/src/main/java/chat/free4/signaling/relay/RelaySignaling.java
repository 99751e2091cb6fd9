package chat.free4.signaling.relay;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.MalformedMessageException;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.Signaling;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalPayloadCodec;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signaling through a free4chat relay (protocol v1, docs/PROTOCOL.md) over a Jetty WebSocket.
 * Proposes its own peer id and a secret so that after a lost connection or a relay restart it
 * re-joins as the same peer; reconnects with capped exponential backoff and jitter; pings to stay
 * alive. All state lives on one thread, which also calls the listener.
 */
public final class RelaySignaling implements Signaling {
    private static final Logger LOG = LoggerFactory.getLogger(RelaySignaling.class);

    private final RelayConnectionConfig config;
    private final String secret;
    private final ScheduledExecutorService thread;
    private final WebSocketClient client;
    private RoomRequest request;
    private SignalingListener listener;
    private Connection connection;
    /** Never ask for fresh credentials more often than this, whatever lifetime the relay gives. */
    static final long MIN_ICE_REFRESH_MILLIS = 5_000;
    private ScheduledFuture<?> ping;
    private ScheduledFuture<?> reconnect;
    /** Asks the relay for fresh TURN credentials before the ones we hold expire (long calls). */
    private ScheduledFuture<?> iceRefresh;
    private int failures;
    /** Joins refused because our seat (or name) was still reserved; reset by a successful join. */
    private int reservedSeatRetries;
    /** A reserved seat frees up after the relay's grace period; waiting longer than this is pointless. */
    static final int MAX_RESERVED_SEAT_RETRIES = 6;
    static final long MAX_RETRY_AFTER_SECONDS = 60;
    private boolean everJoined;
    private boolean active;
    private boolean closed;

    public RelaySignaling(RelayConnectionConfig config) {
        this.config = config;
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.secret = HexFormat.of().formatHex(bytes);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-signaling");
            t.setDaemon(true);
            return t;
        });
        this.client = new WebSocketClient();
        client.setConnectTimeout(config.connectTimeout().toMillis());
        client.setMaxTextMessageSize(RelayMessages.MAX_INCOMING_TEXT_BYTES);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the WebSocket client.", e);
        }
    }

    @Override
    public void join(RoomRequest roomRequest, SignalingListener roomListener) {
        post(() -> {
            if (closed) {
                return;
            }
            request = roomRequest;
            listener = roomListener;
            active = true;
            failures = 0;
            everJoined = false;
            connect();
        });
    }

    @Override
    public void send(PeerId to, SignalPayload payload) {
        String text = RelayMessages.signal(to, payload);
        post(() -> {
            if (connection != null && connection.joined) {
                connection.send(text);
            } else {
                // The mesh repairs what was lost once we are back in the room.
                LOG.debug("Not in the room right now; dropping a signal to {}", to);
            }
        });
    }

    @Override
    public void leave() {
        post(() -> {
            if (!active) {
                return;
            }
            active = false;
            cancelTimers();
            if (connection != null) {
                if (connection.joined) {
                    connection.send(RelayMessages.simple("leave"));
                }
                connection.close();
                connection = null;
            }
            state(SignalingState.CLOSED, "Left the room.");
        });
    }

    @Override
    public void close() {
        leave();
        post(() -> closed = true);
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the WebSocket client failed", e);
        }
    }

    private void post(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Signaling already closed; ignoring a late event");
        }
    }

    // ---- on the signaling thread ----

    private void connect() {
        if (!active) {
            return;
        }
        state(everJoined || failures > 0 ? SignalingState.RECONNECTING : SignalingState.CONNECTING,
                everJoined ? "Reconnecting to the relay." : "Connecting to the relay.");
        Connection attempt = new Connection();
        connection = attempt;
        try {
            client.connect(attempt, config.relay()).whenComplete((session, error) -> post(() -> {
                if (error != null && attempt == connection) {
                    LOG.debug("Connecting to the relay failed", error);
                    lost(RelayErrors.connectFailure(config.relay(), error), true);
                }
            }));
        } catch (Exception e) {
            LOG.debug("Connecting to the relay failed", e);
            lost(RelayErrors.connectFailure(config.relay(), e), true);
        }
    }

    private void lost(String sentence, boolean connectFailed) {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        cancelTimers();
        if (!active) {
            return;
        }
        if (connectFailed && !everJoined) {
            listener.onError("unreachable", sentence);
        }
        long base = Math.min(config.maxBackoff().toMillis(), config.firstBackoff().toMillis() << Math.min(failures, 20));
        long delay = Math.round(base * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        failures++;
        LOG.info("{} Retrying in {} ms.", sentence, delay);
        state(SignalingState.RECONNECTING, sentence + " Retrying in " + Math.max(1, Math.round(delay / 1000.0)) + " s.");
        reconnect = thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelTimers() {
        if (ping != null) {
            ping.cancel(false);
            ping = null;
        }
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
        if (iceRefresh != null) {
            iceRefresh.cancel(false);
            iceRefresh = null;
        }
    }

    /**
     * TURN servers check the credentials' EXPIRY whenever a connection needs a new allocation (an ICE
     * restart, a rebuilt connection): ask for fresh ones when 80 % of the shortest lifetime we hold
     * has passed, so a call that outlives them can still be repaired through TURN.
     */
    private void scheduleIceRefresh(RelayIceServers.Result ice) {
        if (iceRefresh != null) {
            iceRefresh.cancel(false);
            iceRefresh = null;
        }
        java.util.OptionalLong expiry = ice.earliestExpiry();
        if (expiry.isEmpty()) {
            return;
        }
        long leftMillis = expiry.getAsLong() * 1000 - System.currentTimeMillis();
        long delay = Math.max(MIN_ICE_REFRESH_MILLIS, leftMillis * 4 / 5);
        iceRefresh = thread.schedule(() -> {
            if (connection != null && connection.joined) {
                connection.send(RelayMessages.simple("refresh-ice"));
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void state(SignalingState state, String reason) {
        if (listener != null) {
            listener.onStateChanged(state, reason);
        }
    }

    private void onOpen(Connection c) {
        if (c != connection || !active) {
            c.close();
            return;
        }
        c.send(RelayMessages.join(request, secret));
    }

    private void onText(Connection c, String text) {
        if (c != connection || !active) {
            return;
        }
        JsonObject msg;
        try {
            msg = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            LOG.warn("The relay sent something that is not JSON; ignoring it");
            return;
        }
        try {
            handle(c, msg);
        } catch (RuntimeException e) {
            LOG.warn("The relay sent a message we could not read ({}); ignoring it", RelayMessages.text(msg, "type"), e);
        }
    }

    private void handle(Connection c, JsonObject msg) {
        switch (RelayMessages.text(msg, "type")) {
            case "joined" -> {
                c.joined = true;
                failures = 0;
                reservedSeatRetries = 0;
                everJoined = true;
                PeerId self = new PeerId(RelayMessages.text(msg, "peerId"));
                int maxPeers = RelayMessages.maxPeers(msg);
                state(SignalingState.JOINED, "");
                RelayIceServers.Result ice = RelayIceServers.read(msg);
                listener.onIceServers(ice.servers(), ice.problems());
                scheduleIceRefresh(ice);
                listener.onJoined(self, RelayMessages.peers(msg, "peers"), maxPeers);
                if (msg.has("public")) { // relays before this field say nothing
                    boolean listed = RelayMessages.isListed(msg);
                    if (listed && !request.isPublic()) {
                        // Its creator decides. Not a refusal: RoomRequest cannot tell "create a
                        // private room" from "join", and the lobby joins listed rooms asking false.
                        LOG.warn("Room is listed publicly on the relay although we asked for a private one");
                    }
                    listener.onRoomVisibility(listed, request.isPublic());
                }
                long every = config.pingInterval().toMillis();
                ping = thread.scheduleAtFixedRate(() -> {
                    if (connection != null) {
                        connection.send(RelayMessages.simple("ping"));
                    }
                }, every, every, TimeUnit.MILLISECONDS);
            }
            case "ice-servers" -> {
                RelayIceServers.Result ice = RelayIceServers.read(msg);
                listener.onIceServers(ice.servers(), ice.problems());
                scheduleIceRefresh(ice);
            }
            case "peer-joined" -> {
                PeerInfo peer = msg.get("peer") != null && msg.get("peer").isJsonObject()
                        ? RelayMessages.peer(msg.getAsJsonObject("peer")) : null;
                if (peer != null) {
                    listener.onPeerJoined(peer);
                }
            }
            case "peer-left" -> listener.onPeerLeft(new PeerId(RelayMessages.text(msg, "peerId")));
            case "signal" -> {
                PeerId from = new PeerId(RelayMessages.text(msg, "from"));
                SignalPayload payload;
                try {
                    payload = SignalPayloadCodec.decode(msg.get("payload"));
                } catch (MalformedMessageException e) {
                    // Another client's kind, or a forgery: the mesh only takes ours.
                    LOG.debug("Ignored a signal from {}: {}", from, e.getMessage());
                    return;
                }
                listener.onSignal(from, payload);
            }
            case "error" -> onRelayError(c, RelayMessages.text(msg, "code"), RelayMessages.text(msg, "message"),
                    RelayMessages.text(msg, "ref"), RelayMessages.retryAfterSeconds(msg));
            default -> {
                // pong, left, rooms: nothing to do
            }
        }
    }

    private void onRelayError(Connection c, String code, String message, String ref, long retryAfterSeconds) {
        String sentence = RelayErrors.sentence(code, message);
        if (!c.joined && retryAfterSeconds > 0 && RelayErrors.SEAT_RESERVATIONS.contains(code)
                && reservedSeatRetries < MAX_RESERVED_SEAT_RETRIES) {
            // The relay keeps a dropped peer's seat for its secret a while (ours, from an earlier
            // run of this app, or our own connection that it has not noticed is gone): try again then.
            reservedSeatRetries++;
            long delayMillis = Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000 + 250;
            c.close();
            connection = null;
            cancelTimers();
            LOG.info("The relay still keeps this seat; joining again in {} ms.", delayMillis);
            state(SignalingState.RECONNECTING, "Your place in the room is still being kept for a moment; joining again in "
                    + Math.max(1, Math.round(delayMillis / 1000.0)) + " s.");
            reconnect = thread.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
            return;
        }
        if (!c.joined && ("join".equals(ref) || RelayErrors.JOIN_REFUSALS.contains(code))) {
            // Retrying cannot fix a refused join: stop and say why.
            active = false;
            cancelTimers();
            c.close();
            connection = null;
            listener.onError(code, sentence);
            state(SignalingState.CLOSED, sentence);
            return;
        }
        if ("refresh-ice".equals(ref)) {
            LOG.debug("The relay did not refresh its ICE servers: {}", sentence); // an older relay
            return;
        }
        if ("unknown_peer".equals(code)) {
            LOG.debug("Relay: {}", sentence); // the peer just left; its peer-left follows
            return;
        }
        listener.onError(code, sentence);
    }

    private void onClosed(Connection c, String why) {
        if (c != connection) {
            return;
        }
        lost(why, !c.opened);
    }

    /** One WebSocket connection; events are handed to the signaling thread. Public for Jetty's method lookup. */
    public final class Connection implements Session.Listener.AutoDemanding {
        private volatile Session session;
        private volatile boolean opened;
        private boolean joined;
        private volatile boolean closing;
        private final SendPacer pacer = new SendPacer(System::nanoTime);
        private final java.util.ArrayDeque<String> waiting = new java.util.ArrayDeque<>();
        private ScheduledFuture<?> drainLater;

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            opened = true;
            if (closing) {
                s.close(1000, "bye", Callback.NOOP);
                return;
            }
            post(() -> onOpen(this));
        }

        @Override
        public void onWebSocketText(String text) {
            post(() -> onText(this, text));
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            post(() -> onClosed(this, "The connection to the relay closed" + (reason == null || reason.isBlank() ? "." : " (" + reason + ").")));
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            LOG.debug("WebSocket error", cause);
            post(() -> onClosed(this, opened ? "The connection to the relay broke." : RelayErrors.connectFailure(config.relay(), cause)));
        }

        /** Sends in order, paced under the relay's rate limit; call on the signaling thread. */
        void send(String text) {
            waiting.add(text);
            drain();
        }

        private void drain() {
            while (!waiting.isEmpty() && !closing) {
                long waitNanos = pacer.take();
                if (waitNanos > 0) {
                    if (drainLater == null) {
                        drainLater = thread.schedule(() -> {
                            drainLater = null;
                            drain();
                        }, waitNanos, TimeUnit.NANOSECONDS);
                    }
                    return;
                }
                Session s = session;
                String text = waiting.poll();
                if (s != null && s.isOpen()) {
                    s.sendText(text, Callback.NOOP);
                }
            }
        }

        void close() {
            if (closing) {
                return;
            }
            closing = true;
            Session s = session;
            if (s != null) {
                s.close(1000, "bye", Callback.NOOP);
            }
        }
    }
}
