package chat.free4.audio;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * webrtc-java 0.14.0's {@code CustomAudioSource} adds and removes its sinks without a lock while
 * {@code pushAudio} walks them (the lock is commented out in its native code), which crashed the
 * JVM when peers connected while audio was being pushed. Peer connection operations that may add
 * or remove a sink (adding or removing the track, applying a description, closing) hold a ticket
 * of this gate from before the call until it has completed; the pump skips its frame while any
 * ticket is open. Each connection has its own source and gate (see {@link LocalSend}), so only
 * the connection being changed skips frames. Tickets expire after two seconds, so a callback that never comes cannot silence
 * the peer for good.
 */
public final class SinkChangeGate {
    private static final long EXPIRY_NANOS = 2_000_000_000L;

    /** A gate nobody waits on. */
    static final SinkChangeGate NONE = new SinkChangeGate(new Object());

    private final Object lock;
    private final Set<Ticket> open = ConcurrentHashMap.newKeySet();

    /** @param lock the lock the pump holds while pushing */
    SinkChangeGate(Object lock) {
        this.lock = lock;
    }

    /** Opens a ticket; waits for a push in progress to finish first. */
    public Ticket enter() {
        Ticket ticket = new Ticket();
        synchronized (lock) {
            open.add(ticket);
        }
        return ticket;
    }

    /** True when sinks may be changing right now (called by the pump under its lock). */
    boolean closed() {
        if (open.isEmpty()) {
            return false;
        }
        long now = System.nanoTime();
        open.removeIf(t -> now - t.since > EXPIRY_NANOS);
        return !open.isEmpty();
    }

    /** One operation in flight; closing it is idempotent. */
    public final class Ticket implements AutoCloseable {
        private final long since = System.nanoTime();

        @Override
        public void close() {
            open.remove(this);
        }
    }
}
