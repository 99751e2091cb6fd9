package chat.free4.data;

import chat.free4.signaling.PeerInfo;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PeerChannel} over a webrtc-java {@link RTCDataChannel}. Native callbacks copy what they
 * need and hand it to {@code events} (a serial executor), so listeners never run on, or block, a
 * native thread. The creator (the mesh) still owns the native channel and disposes it.
 */
public final class RtcPeerChannel implements PeerChannel {
    private static final Logger LOG = LoggerFactory.getLogger(RtcPeerChannel.class);

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

    private final AtomicBoolean openReported = new AtomicBoolean();
    private final AtomicBoolean closedReported = new AtomicBoolean();
    private volatile Listener listener;
    private volatile boolean closed;
    /** Guards native calls against the owner disposing the channel right after markClosed(). */
    private final Object nativeLock = new Object();
    /** Threshold a sender waits for, or -1. Touched only on {@code events}. */
    private long lowThreshold = -1;
    private boolean pollScheduled;

    /** {@code events} must run tasks one at a time, in order. */
    public RtcPeerChannel(RTCDataChannel channel, PeerInfo peer, Executor events) {
        this.channel = Objects.requireNonNull(channel);
        this.peer = Objects.requireNonNull(peer);
        this.events = Objects.requireNonNull(events);
        this.label = channel.getLabel();
        channel.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
                events.execute(RtcPeerChannel.this::checkBufferedAmountLow);
            }

            @Override
            public void onStateChange() {
                RTCDataChannelState state = channel.getState();
                events.execute(() -> fireState(state));
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                // The native buffer is only valid during this call: copy it now.
                ByteBuffer data = buffer.data;
                byte[] copy = new byte[data.remaining()];
                data.get(copy);
                boolean binary = buffer.binary;
                events.execute(() -> fireMessage(copy, binary));
            }
        });
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
        events.execute(() -> {
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
            DRAIN_POLL.schedule(() -> events.execute(() -> {
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
        events.execute(() -> fireState(state));
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
        events.execute(this::fireClosed);
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
                LOG.warn("Handler for channel '{}' from {} failed", label, peer.id(), e);
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
