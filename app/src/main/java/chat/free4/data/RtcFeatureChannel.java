package chat.free4.data;

import chat.free4.peer.PeerInfo;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FeatureChannel} over a webrtc-java {@link RTCDataChannel}. Native callbacks copy what they
 * need and hand it to {@code events} (a serial executor), so listeners never run on, or block, a
 * native thread. The creator (the mesh) still owns the native channel and disposes it.
 */
public final class RtcFeatureChannel implements FeatureChannel {
    private static final Logger LOG = LoggerFactory.getLogger(RtcFeatureChannel.class);

    private final RTCDataChannel channel;
    private final PeerInfo peer;
    private final String label;
    private final Executor events;
    /** Polls for "buffered amount low": webrtc-java 0.14 does not report the drain on Linux. */
    private static final ScheduledExecutorService DRAIN_POLL = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "data-channel-drain-poll");
        t.setDaemon(true);
        return t;
    });
    private static final long DRAIN_POLL_MILLIS = 2;

    /**
     * Bytes copied off the native thread but not yet handled: beyond it messages are dropped
     * (a reliable channel then loses them; a file transfer fails its size/hash check).
     */
    static final long MAX_QUEUED_BYTES = 16L * 1024 * 1024;
    /**
     * Half a {@link SerialExecutor}'s default queue: the other half stays free for the few state
     * and backpressure events, so those are never refused.
     */
    static final int MAX_QUEUED_MESSAGES = SerialExecutor.DEFAULT_CAPACITY / 2;
    private final InboundLimit limit;
    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicInteger queuedMessages = new AtomicInteger();
    private final AtomicBoolean openReported = new AtomicBoolean();
    private final AtomicBoolean closedReported = new AtomicBoolean();
    private volatile Listener listener;
    private volatile boolean closed;
    /** Guards native calls against the owner disposing the channel right after markClosed(). */
    private final Object nativeLock = new Object();
    /** Threshold a sender waits for, or -1. Touched only on {@code events}. */
    private long lowThreshold = -1;
    private boolean pollScheduled;

    /** {@code events} must run tasks one at a time, in order; the inbound rate is {@link InboundRate#APP}. */
    public RtcFeatureChannel(RTCDataChannel channel, PeerInfo peer, Executor events) {
        this(channel, peer, events, InboundRate.APP);
    }

    /**
     * @param events runs tasks one at a time, in order; may refuse them when full
     *     ({@link SerialExecutor})
     * @param inbound how much the peer may send on this channel; more is dropped unread
     */
    public RtcFeatureChannel(RTCDataChannel channel, PeerInfo peer, Executor events, InboundRate inbound) {
        this.limit = new InboundLimit(inbound, System::nanoTime);
        this.channel = Objects.requireNonNull(channel);
        this.peer = Objects.requireNonNull(peer);
        this.events = Objects.requireNonNull(events);
        this.label = channel.getLabel();
        channel.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
                control(RtcFeatureChannel.this::checkBufferedAmountLow);
            }

            @Override
            public void onStateChange() {
                RTCDataChannelState state = channel.getState();
                control(() -> fireState(state));
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                ByteBuffer data = buffer.data;
                int size = data.remaining();
                received.incrementAndGet();
                // Checked before copying: a flood costs a counter, not an allocation.
                if (!limit.admit(size)) {
                    drop("it sends faster than this channel allows");
                    return;
                }
                if (queuedBytes.get() + size > MAX_QUEUED_BYTES || queuedMessages.get() >= MAX_QUEUED_MESSAGES) {
                    drop("its messages wait unhandled");
                    return;
                }
                // The native buffer is only valid during this call: copy it now.
                byte[] copy = new byte[size];
                data.get(copy);
                boolean binary = buffer.binary;
                queuedBytes.addAndGet(size);
                queuedMessages.incrementAndGet();
                try {
                    events.execute(() -> {
                        queuedBytes.addAndGet(-size);
                        queuedMessages.decrementAndGet();
                        fireMessage(copy, binary);
                        delivered.incrementAndGet();
                    });
                } catch (RejectedExecutionException e) {
                    queuedBytes.addAndGet(-size);
                    queuedMessages.decrementAndGet();
                    drop("its messages wait unhandled");
                }
            }
        });
    }

    /** Counts of this channel's inbound messages, for tests and diagnostics. */
    public record InboundStats(long received, long delivered, long dropped) {
    }

    public InboundStats inbound() {
        return new InboundStats(received.get(), delivered.get(), dropped.get());
    }

    /**
     * Queues a state or backpressure event. Inbound messages never take more than half the queue,
     * so this is not refused; if it were, the channel is stuck and we say so rather than throw
     * into a native callback.
     */
    private void control(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.error("Channel '{}' to {} lost an event: its queue is full", label, peer.id());
        }
    }

    /** On the native thread: counts and (throttled) logs a message dropped unread. */
    private void drop(String why) {
        dropped.incrementAndGet();
        warnings.warn(peer.id(), "Dropped a message on channel '{}' from {}: {}", label, peer.id(), why);
    }

    @Override
    public PeerInfo peer() {
        return peer;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean isOpen() {
        synchronized (nativeLock) {
            return !closed && channel.getState() == RTCDataChannelState.OPEN;
        }
    }

    @Override
    public void send(byte[] data, boolean binary) {
        synchronized (nativeLock) {
            if (!isOpen()) {
                throw new ChannelClosedException("The connection to " + peer.displayName() + " is closed.");
            }
            try {
                channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(data), binary));
            } catch (Exception e) {
                throw new ChannelClosedException("Could not send to " + peer.displayName() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public long bufferedAmount() {
        synchronized (nativeLock) {
            return closed ? 0 : channel.getBufferedAmount();
        }
    }

    @Override
    public void notifyWhenBufferedAmountLow(long threshold) {
        control(() -> {
            lowThreshold = threshold;
            checkBufferedAmountLow();
        });
    }

    /** Runs on {@code events}: fires once the amount is low, else polls again shortly. */
    private void checkBufferedAmountLow() {
        if (lowThreshold < 0 || closed) {
            return;
        }
        if (bufferedAmount() <= lowThreshold) {
            lowThreshold = -1;
            Listener l = listener;
            if (l != null) {
                l.onBufferedAmountLow(this);
            }
        } else if (!pollScheduled) {
            pollScheduled = true;
            DRAIN_POLL.schedule(() -> control(() -> {
                pollScheduled = false;
                checkBufferedAmountLow();
            }), DRAIN_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
        RTCDataChannelState state;
        synchronized (nativeLock) {
            state = closed ? RTCDataChannelState.CLOSED : channel.getState();
        }
        control(() -> fireState(state));
    }

    /**
     * Called by the owner when the channel goes away, before it unregisters the observer and
     * disposes the native object: reports {@code onClosed} once and stops using the channel.
     */
    public void markClosed() {
        synchronized (nativeLock) {
            // After this no thread is inside, or will enter, a native call on the channel.
            closed = true;
        }
        control(this::fireClosed);
    }

    private void fireState(RTCDataChannelState state) {
        Listener l = listener;
        if (l == null) {
            return;
        }
        if (state == RTCDataChannelState.OPEN && !closed && openReported.compareAndSet(false, true)) {
            l.onOpen(this);
        } else if (state == RTCDataChannelState.CLOSED || state == RTCDataChannelState.CLOSING) {
            closed = true;
            fireClosed();
        }
    }

    private void fireMessage(byte[] data, boolean binary) {
        Listener l = listener;
        if (l != null && !closed) {
            try {
                l.onMessage(this, data, binary);
            } catch (RuntimeException e) {
                // Our bug, but the exception text may quote the peer: stack only at debug.
                warnings.warn(peer.id(), "Handler for channel '{}' from {} failed: {}", label, peer.id(), Untrusted.forLog(e));
                LOG.debug("Handler failure", e);
            }
        }
    }

    private void fireClosed() {
        Listener l = listener;
        if (l != null && closedReported.compareAndSet(false, true)) {
            l.onClosed(this);
        }
    }
}
