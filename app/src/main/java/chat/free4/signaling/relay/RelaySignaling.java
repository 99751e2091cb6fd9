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
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signaling through a free4chat relay (protocol v1, docs/PROTOCOL.md) over a {@link RelayConnection}
 * (reconnects with backoff, paces, pings). Proposes its own peer id and a secret so that after a
 * lost connection or a relay restart it re-joins as the same peer. All state lives on the
 * connection's thread, which also calls the listener.
 */
public final class RelaySignaling implements Signaling {
    private static final Logger LOG = LoggerFactory.getLogger(RelaySignaling.class);
    /** Never ask for fresh credentials more often than this, whatever lifetime the relay gives. */
    static final long MIN_ICE_REFRESH_MILLIS = 5_000;
    /** A reserved seat frees up after the relay's grace period; waiting longer than this is pointless. */
    static final int MAX_RESERVED_SEAT_RETRIES = 6;
    static final long MAX_RETRY_AFTER_SECONDS = 60;
    /** A cluster's store a few minutes away is worth waiting for; longer, and the person is told. */
    static final int MAX_UNAVAILABLE_RETRIES = 60;

    private final String secret;
    private final RelayConnection relay;
    private final java.net.URI relayAddress;
    /** The password room's key, derived once per join from the request's password (decision 0018). */
    private RoomPasswordKey passwordKey;
    private RoomRequest request;
    private SignalingListener listener;
    /** Asks the relay for fresh TURN credentials before the ones we hold expire (long calls). */
    private ScheduledFuture<?> iceRefresh;
    /** Joins refused because our seat (or name) was still reserved; reset by a successful join. */
    private int reservedSeatRetries;
    /** Joins refused with cluster_unavailable since the last successful one. */
    private int unavailableRetries;
    /** In the room on the current connection. */
    private boolean joined;
    private boolean everJoined;
    private boolean active;
    private boolean closed;

    public RelaySignaling(RelayConnectionConfig config) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.secret = HexFormat.of().formatHex(bytes);
        this.relay = new RelayConnection(config, "relay-signaling", new Events());
        this.relayAddress = config.relay();
    }

    @Override
    public void join(RoomRequest roomRequest, SignalingListener roomListener) {
        relay.post(() -> {
            if (closed) {
                return;
            }
            request = roomRequest;
            listener = roomListener;
            passwordKey = null;
            active = true;
            everJoined = false;
            relay.start();
        });
    }

    @Override
    public void send(PeerId to, SignalPayload payload) {
        String text = RelayMessages.signal(to, payload);
        relay.post(() -> {
            if (joined) {
                relay.send(text);
            } else {
                // The mesh repairs what was lost once we are back in the room.
                LOG.debug("Not in the room right now; dropping a signal to {}", to);
            }
        });
    }

    @Override
    public void leave() {
        relay.post(() -> {
            if (!active) {
                return;
            }
            active = false;
            if (joined) {
                relay.send(RelayMessages.simple("leave"));
            }
            outOfTheRoom();
            relay.stop();
            state(SignalingState.CLOSED, "Left the room.");
        });
    }

    @Override
    public void close() {
        leave();
        relay.post(() -> closed = true);
        relay.close();
    }

    // ---- on the connection's thread ----

    private void outOfTheRoom() {
        joined = false;
        if (iceRefresh != null) {
            iceRefresh.cancel(false);
            iceRefresh = null;
        }
    }

    /** The relay's events while we want to be in the room. */
    private final class Events implements RelayConnection.Handler {
        @Override
        public void onConnecting(boolean afterFailure) {
            state(everJoined || afterFailure ? SignalingState.RECONNECTING : SignalingState.CONNECTING,
                    everJoined ? "Reconnecting to the relay." : "Connecting to the relay.");
        }

        @Override
        public void onOpen() {
            joined = false;
            if (request.password().isEmpty()) {
                relay.send(RelayMessages.join(request, secret));
                return;
            }
            if (passwordKey == null) {
                // Argon2id, once per join (docs/BENCHMARKS.md); every re-join answers with the same key.
                passwordKey = RoomPasswordKey.derive(request.password().get(), relayAddress, request.room());
            }
            relay.send(RelayMessages.simple("challenge")); // the join follows the relay's challenge
        }

        @Override
        public void onMessage(JsonObject message) {
            handle(message);
        }

        @Override
        public void onLost(String sentence, boolean neverOpened, long retryMillis) {
            outOfTheRoom();
            if (neverOpened && !everJoined) {
                listener.onError("unreachable", sentence);
            }
            LOG.info("{} Retrying in {} ms.", sentence, retryMillis);
            state(SignalingState.RECONNECTING, sentence + " Retrying in " + Math.max(1, Math.round(retryMillis / 1000.0)) + " s.");
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
        OptionalLong expiry = ice.earliestExpiry();
        if (expiry.isEmpty()) {
            return;
        }
        long leftMillis = expiry.getAsLong() * 1000 - System.currentTimeMillis();
        long delay = Math.max(MIN_ICE_REFRESH_MILLIS, leftMillis * 4 / 5);
        iceRefresh = relay.schedule(() -> {
            if (joined) {
                relay.send(RelayMessages.simple("refresh-ice"));
            }
        }, delay);
    }

    private void state(SignalingState state, String reason) {
        if (listener != null) {
            listener.onStateChanged(state, reason);
        }
    }

    private void handle(JsonObject msg) {
        switch (RelayMessages.text(msg, "type")) {
            case "joined" -> {
                joined = true;
                relay.succeeded();
                reservedSeatRetries = 0;
                unavailableRetries = 0;
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
                relay.keepAlive();
            }
            case "challenge" -> {
                byte[] nonce = RelayMessages.nonce(msg);
                if (joined || passwordKey == null || nonce == null) {
                    LOG.debug("Ignored a challenge we did not ask for");
                    return;
                }
                relay.send(RelayMessages.join(request, secret, passwordKey, nonce));
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
            case "error" -> onRelayError(RelayMessages.text(msg, "code"), RelayMessages.text(msg, "message"),
                    RelayMessages.text(msg, "ref"), RelayMessages.retryAfterSeconds(msg));
            default -> {
                // pong, left, rooms: nothing to do
            }
        }
    }

    /** A refused join that can succeed later: leave the room's state, reconnect then, and say why. */
    private void joinAgainAfter(long retryAfterSeconds, String why) {
        long delayMillis = Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000 + 250;
        outOfTheRoom();
        relay.reconnectAfter(delayMillis);
        LOG.info("{}; joining again in {} ms.", why, delayMillis);
        state(SignalingState.RECONNECTING, why + "; joining again in " + Math.max(1, Math.round(delayMillis / 1000.0)) + " s.");
    }

    private void onRelayError(String code, String message, String ref, long retryAfterSeconds) {
        String sentence = RelayErrors.sentence(code, message);
        if ("challenge".equals(ref)) {
            // A relay from before password rooms: joining without the password would not be protected.
            code = "password_rooms_unsupported";
            sentence = "This relay does not support rooms with a password.";
            ref = "join";
        }
        if (!joined && retryAfterSeconds > 0 && RelayErrors.SEAT_RESERVATIONS.contains(code)
                && reservedSeatRetries < MAX_RESERVED_SEAT_RETRIES) {
            // The relay keeps a dropped peer's seat for its secret a while (ours, from an earlier
            // run of this app, or our own connection that it has not noticed is gone): try again then.
            reservedSeatRetries++;
            joinAgainAfter(retryAfterSeconds, "Your place in the room is still being kept for a moment");
            return;
        }
        if (!joined && RelayErrors.CLUSTER_UNAVAILABLE.equals(code)
                && unavailableRetries < MAX_UNAVAILABLE_RETRIES) {
            // A relay of a cluster that lost its shared store for a while (decision 0026): the join
            // can succeed once it is back, so wait as the relay asks instead of giving up.
            unavailableRetries++;
            joinAgainAfter(Math.max(1, retryAfterSeconds), "The relay cannot reach the store it shares rooms through");
            return;
        }
        if (!joined && ("join".equals(ref) || RelayErrors.JOIN_REFUSALS.contains(code))) {
            // Retrying cannot fix a refused join: stop and say why.
            active = false;
            outOfTheRoom();
            relay.stop();
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
}
