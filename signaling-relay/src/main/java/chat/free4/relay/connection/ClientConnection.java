package chat.free4.relay.connection;

import chat.free4.relay.limits.TokenBucket;
import chat.free4.relay.protocol.ErrorCode;
import chat.free4.relay.protocol.Inbound;
import chat.free4.relay.protocol.Outbound;
import chat.free4.relay.protocol.RefusedException;
import chat.free4.relay.protocol.Utf8;
import chat.free4.relay.rooms.Membership;
import chat.free4.relay.rooms.MemberOutbox;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket. Jetty calls it one event at a time per connection; rooms call
 * {@link #send} from other threads. Nothing here blocks: sends only enqueue, and a client whose
 * queue overflows is dropped. Payloads are passed on, never logged.
 */
public final class ClientConnection implements Session.Listener.AutoDemanding, MemberOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final RelayCore core;
    private final TokenBucket rate;
    /** Refused messages a flooder may cause before it is disconnected. */
    private final TokenBucket violations;
    private final IncomingMessages incoming;
    private final AtomicInteger queued = new AtomicInteger();
    /** UTF-8 bytes of the messages waiting to be written to this client. */
    private final AtomicLong queuedBytes = new AtomicLong();
    /** Set once this client is being dropped for not reading: nothing more is queued for it. */
    private volatile boolean dropping;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile Session session;
    private final InetAddress forwardedAddress;
    private volatile InetAddress address;
    private volatile boolean addressCounted;
    private volatile Membership membership;
    private volatile boolean closed;
    private volatile long lastReceivedNanos = System.nanoTime();
    /** The challenge a password join must answer; one at a time, used once (decision 0018). */
    private volatile byte[] challenge;
    private volatile long challengeNanos;
    /** How long a challenge can be answered. */
    public static final int CHALLENGE_SECONDS = 30;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    ClientConnection(RelayCore core, InetAddress forwardedAddress) {
        this.forwardedAddress = forwardedAddress;
        this.core = core;
        this.rate = new TokenBucket(core.config().rateBurst(), core.config().ratePerSecond());
        this.violations = new TokenBucket(core.config().rateViolationsBeforeClose(), 1.0);
        this.incoming = new IncomingMessages(core.config().maxFrameBytes());
    }

    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        this.address = forwardedAddress != null ? forwardedAddress : addressOf(opened.getRemoteSocketAddress());
        core.metrics().connectionOpened();
        core.opened(this);
        if (core.shuttingDown()) {
            closeWith(ErrorCode.SHUTTING_DOWN, 1001, "The relay is stopping; reconnect in a moment.");
            return;
        }
        if (address != null && !core.addressLimiter().tryAcquire(address)) {
            closeWith(ErrorCode.TOO_MANY_CONNECTIONS, 1008, "Your address already has "
                    + core.config().maxConnectionsPerAddress() + " connections to this relay.");
            return;
        }
        addressCounted = address != null;
    }

    /**
     * Every frame comes here, so text is decoded by {@link IncomingMessages} rather than by Jetty's
     * character-by-character message sink; Jetty then delivers nothing else (no text, ping or
     * close events of its own) and leaves the close handshake to the callback.
     */
    @Override
    public void onWebSocketFrame(Frame frame, Callback callback) {
        try {
            switch (frame.getType()) {
                case TEXT -> text(incoming.text(frame.getPayload(), frame.isFin()));
                case CONTINUATION -> {
                    if (frame.getEffectiveOpCode() == Frame.Type.TEXT.getOpCode()) {
                        text(incoming.text(frame.getPayload(), frame.isFin()));
                    } else if (incoming.binary(frame.getPayloadLength(), frame.isFin())) {
                        binary();
                    }
                }
                case BINARY -> {
                    if (incoming.binary(frame.getPayloadLength(), frame.isFin())) {
                        binary();
                    }
                }
                case PING -> ping(frame.getPayload());
                default -> { } // pong: nothing to do; close: the core session answers it
            }
        } catch (IncomingMessages.Refusal refusal) {
            if (refusal.status == IncomingMessages.MESSAGE_TOO_LARGE) {
                core.metrics().refused(ErrorCode.FRAME_TOO_LARGE);
            }
            Session s = session;
            if (s != null && closing.compareAndSet(false, true)) {
                closeSession(refusal.status, refusal.getMessage());
            }
        }
        callback.succeed();
    }

    private void text(String text) {
        if (text == null || !accept()) {
            return; // more pieces to come, or dropped by the rate limit
        }
        try {
            handle(core.parser().parse(text));
        } catch (RefusedException refused) {
            core.metrics().refused(refused.code());
            send(Outbound.error(refused.code(), refused.getMessage(), refused.ref(), refused.retryAfterSeconds()));
        } catch (RuntimeException bug) {
            // Log the failure, never the message (it may carry SDP).
            LOG.warn("Unexpected failure while handling a message: {}", bug.toString());
            refuse(ErrorCode.INTERNAL_ERROR, "The relay could not handle this message.", null);
        }
    }

    private void binary() {
        if (accept()) {
            refuse(ErrorCode.BAD_JSON, "Binary frames are not accepted; send one JSON object per text frame.", null);
        }
    }

    /** Answered here, within the rate limit: Jetty's automatic pong is off for a frame listener. */
    private void ping(ByteBuffer payload) {
        lastReceivedNanos = System.nanoTime();
        Session s = session;
        if (s != null && !closing.get() && rate.tryTake()) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
            s.sendPong(copy, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof MessageTooLargeException) {
            // Jetty refused the frame from its header, before buffering it, and closes with 1009.
            core.metrics().refused(ErrorCode.FRAME_TOO_LARGE);
        }
        LOG.debug("WebSocket error: {}", cause.toString());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed = true;
        Membership seat = membership;
        if (seat != null) {
            // A failed write inside a room operation can close us on its thread; finish that first.
            if (Thread.holdsLock(seat.room())) {
                core.runLater(() -> leaveAfterDrop(seat));
            } else {
                leaveAfterDrop(seat);
            }
        }
        release();
    }

    /** A stopping relay says nothing (the calls go on); otherwise the seat is kept for its secret a while. */
    private void leaveAfterDrop(Membership seat) {
        if (core.shuttingDown()) {
            core.rooms().leave(this, seat, false);
        } else {
            core.rooms().dropped(this, seat);
        }
    }

    /** Counts the message against the rate limit; false if it must be dropped. */
    private boolean accept() {
        lastReceivedNanos = System.nanoTime();
        core.metrics().messageReceived();
        if (closing.get()) {
            return false;
        }
        if (rate.tryTake()) {
            return true;
        }
        if (violations.tryTake()) {
            refuse(ErrorCode.RATE_LIMITED, "Too many messages; this one was dropped. Slow down.", null);
        } else {
            closeWith(ErrorCode.RATE_LIMITED, 1008, "Too many messages after repeated warnings; disconnected.");
        }
        return false;
    }

    private void handle(Inbound message) throws RefusedException {
        if (message instanceof Inbound.Signal signal) {
            signal(signal);
        } else if (message instanceof Inbound.Join join) {
            join(join);
        } else if (message instanceof Inbound.Leave) {
            leave();
        } else if (message instanceof Inbound.ListRooms list) {
            send(core.rooms().list(list));
        } else if (message instanceof Inbound.Ping ping) {
            send(Outbound.pong(ping.id()));
        } else if (message instanceof Inbound.RefreshIce) {
            refreshIce();
        } else if (message instanceof Inbound.Challenge) {
            byte[] nonce = new byte[32];
            RANDOM.nextBytes(nonce);
            challengeNanos = System.nanoTime();
            challenge = nonce; // a new challenge replaces the last one
            send(Outbound.challenge(nonce, CHALLENGE_SECONDS));
        }
    }

    /** Long calls through TURN outlive their credentials; a seated peer may ask for fresh ones. */
    private void refreshIce() throws RefusedException {
        Membership current = membership;
        if (current == null || !core.rooms().holds(this, current)) {
            throw new RefusedException(ErrorCode.NOT_JOINED, "Join a room before asking for its ICE servers.", "refresh-ice");
        }
        send(Outbound.iceServers(core.rooms().iceServersFor(current)));
    }

    private void join(Inbound.Join join) throws RefusedException {
        Membership current = membership;
        if (current != null && core.rooms().holds(this, current)) {
            throw new RefusedException(ErrorCode.ALREADY_JOINED,
                    "You are already in room \"" + current.roomName() + "\"; leave it first.", "join");
        }
        byte[] nonce = challenge;
        challenge = null; // every join uses up the challenge, whatever becomes of it
        if (nonce != null && System.nanoTime() - challengeNanos > CHALLENGE_SECONDS * 1_000_000_000L) {
            nonce = null;
        }
        Membership joined = core.rooms().join(this, join, nonce, address);
        membership = joined;
        if (closed) {
            leaveAfterDrop(joined); // the socket closed while we were joining
        }
    }

    private void leave() throws RefusedException {
        Membership current = membership;
        if (current == null || !core.rooms().leave(this, current, true)) {
            throw new RefusedException(ErrorCode.NOT_JOINED, "You are not in a room.", "leave");
        }
        membership = null;
        send(Outbound.left());
    }

    private void signal(Inbound.Signal signal) throws RefusedException {
        Membership current = membership;
        if (current == null) {
            throw new RefusedException(ErrorCode.NOT_JOINED, "Join a room before sending signals.", "signal");
        }
        core.rooms().forward(this, current, signal.to(), signal.payload());
    }

    private void refuse(ErrorCode code, String message, String ref) {
        core.metrics().refused(code);
        send(Outbound.error(code, message, ref));
    }

    @Override
    public void send(String json) {
        send(json, Utf8.length(json));
    }

    @Override
    public void send(String json, int bytes) {
        Session s = session;
        if (s == null || closed || dropping) {
            return;
        }
        if (queued.incrementAndGet() > core.config().maxOutboundQueue()
                || queuedBytes.addAndGet(bytes) > core.config().maxOutboundBytes()) {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-bytes);
            dropSlowConsumer(s);
            return;
        }
        if (core.outbound().add(bytes)) {
            core.makeOutboundRoom(); // over the relay's total: the largest queues go (off this thread)
        }
        // Jetty's sendText is safe from any thread and only enqueues; a drop fails what waits.
        s.sendText(json, Callback.from(() -> written(bytes), failure -> {
            written(bytes);
            LOG.debug("A send failed: {}", failure.toString());
        }));
    }

    private void written(int bytes) {
        queued.decrementAndGet();
        queuedBytes.addAndGet(-bytes);
        core.outbound().release(bytes);
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /**
     * The relay's outbound total is over budget and this client holds one of the largest queues:
     * disconnect at once (a close frame would wait behind the queue), which frees what it held.
     */
    void evictForMemory() {
        Session s = session;
        if (s == null) {
            return;
        }
        dropping = true;
        if (closing.compareAndSet(false, true)) {
            core.metrics().refused(ErrorCode.SLOW_CONSUMER);
            LOG.debug("Dropping a client that does not read: the relay's outbound memory is full");
        }
        s.disconnect();
    }

    @Override
    public void replaced() {
        if (closing.compareAndSet(false, true)) {
            core.metrics().refused(ErrorCode.SESSION_REPLACED);
            send(Outbound.error(ErrorCode.SESSION_REPLACED,
                    "Your session continues on a newer connection.", "join"));
            closeSession(1000, ErrorCode.SESSION_REPLACED.wire());
        }
    }

    /** Sends an error and closes with {@code status}; later input is ignored. Safe from any thread. */
    void closeWith(ErrorCode code, int status, String message) {
        if (closing.compareAndSet(false, true)) {
            core.metrics().refused(code);
            send(Outbound.error(code, message, null));
            closeSession(status, code.wire());
        }
    }

    private void closeSession(int status, String reason) {
        Session s = session;
        if (s == null) {
            return;
        }
        s.close(status, reason, Callback.NOOP);
        // A client that never answers the close frame (dead link, full buffers) is dropped.
        core.schedule(() -> {
            if (!closed) {
                s.disconnect();
            }
        }, RelayCore.CLOSE_GRACE.toMillis());
    }

    private void dropSlowConsumer(Session s) {
        dropping = true;
        if (closing.compareAndSet(false, true)) {
            core.metrics().refused(ErrorCode.SLOW_CONSUMER);
            LOG.debug("Dropping a client that does not read its messages");
            // Its queue is full, so a close frame would wait behind it; close off this thread.
            core.runLater(() -> closeSession(1008, ErrorCode.SLOW_CONSUMER.wire()));
        }
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            if (addressCounted) {
                core.addressLimiter().release(address);
            }
            core.metrics().connectionClosed();
            core.closed(this);
        }
    }

    private static InetAddress addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
