package chat.free4.relay.connection;

import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.ice.IceServerOffer;
import chat.free4.relay.limits.AddressLimiter;
import chat.free4.relay.limits.OutboundBudget;
import chat.free4.relay.metrics.RelayMetrics;
import chat.free4.relay.protocol.ErrorCode;
import chat.free4.relay.protocol.InboundParser;
import chat.free4.relay.rooms.RoomRegistry;
import chat.free4.relay.rooms.SeatDirectory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one relay shares: rooms, limits, counters, the set of open
 * connections, and one small scheduler for idle checks and forced disconnects.
 */
public final class RelayCore {
    /** How long a connection we are closing may take to answer the close frame before we drop it. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final RelayConfig config;
    private final RelayMetrics metrics = new RelayMetrics();
    private final RoomRegistry rooms;
    private final SeatDirectory directory;
    private final AddressLimiter addressLimiter;
    private final InboundParser parser = new InboundParser();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final OutboundBudget outbound;
    private final AtomicBoolean evictionPlanned = new AtomicBoolean();
    private volatile boolean shuttingDown;

    public RelayCore(RelayConfig config) {
        this(config, SeatDirectory.IN_MEMORY);
    }

    /** @param directory where rooms are shared with other instances (decision 0026); IN_MEMORY for none */
    public RelayCore(RelayConfig config, SeatDirectory directory) {
        this.config = config;
        this.directory = directory;
        this.rooms = new RoomRegistry(config.maxRooms(), config.maxPeersPerRoom(), metrics,
                new IceServerOffer(config.ice(), Clock.systemUTC()), config.seatGrace(), this::schedule,
                config.maxFrameBytes() + RelayConfig.OUTBOUND_HEADROOM_BYTES, directory);
        rooms.startSharing();
        this.addressLimiter = new AddressLimiter(config.maxConnectionsPerAddress());
        this.outbound = new OutboundBudget(config.maxOutboundBytesTotal());
        metrics.watchOutboundBytes(outbound::queued);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("relay-timer"));
        long sweepMillis = Math.max(20, Math.min(1000, config.idleTimeout().toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::closeIdleConnections, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    public ClientConnection newConnection() {
        return new ClientConnection(this, null);
    }

    /** @param forwardedAddress the client's address as a trusted proxy reports it, or null */
    public ClientConnection newConnection(InetAddress forwardedAddress) {
        return new ClientConnection(this, forwardedAddress);
    }

    RelayConfig config() {
        return config;
    }

    public RelayMetrics metrics() {
        return metrics;
    }

    public RoomRegistry rooms() {
        return rooms;
    }

    AddressLimiter addressLimiter() {
        return addressLimiter;
    }

    OutboundBudget outbound() {
        return outbound;
    }

    /** Plans one eviction of the largest outbound queues; many senders over budget share it. */
    void makeOutboundRoom() {
        if (evictionPlanned.compareAndSet(false, true)) {
            runLater(this::evictLargestQueues);
        }
    }

    /**
     * Drops the clients with the most bytes waiting, largest first, until the total would be back
     * to three quarters of the budget. Runs on the timer thread, never under a room lock.
     */
    private void evictLargestQueues() {
        evictionPlanned.set(false);
        long excess = outbound.excess();
        if (outbound.queued() <= outbound.limit() || excess <= 0) {
            return;
        }
        List<ClientConnection> largest = new ArrayList<>(connections);
        largest.sort(Comparator.comparingLong(ClientConnection::queuedBytes).reversed());
        for (ClientConnection connection : largest) {
            long held = connection.queuedBytes();
            if (excess <= 0 || held == 0) {
                break;
            }
            connection.evictForMemory();
            excess -= held;
        }
    }

    InboundParser parser() {
        return parser;
    }

    /** Runs {@code task} on the relay's timer thread; dropped once the relay has stopped. */
    void runLater(Runnable task) {
        schedule(task, 0);
    }

    void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // The relay has stopped; its connections are gone with it.
        }
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    void opened(ClientConnection connection) {
        connections.add(connection);
    }

    void closed(ClientConnection connection) {
        connections.remove(connection);
        synchronized (connections) {
            connections.notifyAll();
        }
    }

    /**
     * Sends every client {@code shutting_down} and a 1001 close frame, then waits up to
     * {@code grace} for the close handshakes to finish.
     *
     * @return true if every connection closed in time
     */
    public boolean closeAll(Duration grace) throws InterruptedException {
        shuttingDown = true;
        for (ClientConnection connection : connections) {
            connection.closeWith(ErrorCode.SHUTTING_DOWN, 1001, "The relay is stopping; reconnect in a moment.");
        }
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (connections) {
            while (!connections.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(connections, left);
            }
        }
        return true;
    }

    public int openConnections() {
        return connections.size();
    }

    public void dispose() {
        scheduler.shutdownNow();
        directory.close();
    }

    private void closeIdleConnections() {
        long now = System.nanoTime();
        long limit = config.idleTimeout().toNanos();
        for (ClientConnection connection : connections) {
            if (now - connection.lastReceivedNanos() > limit) {
                connection.closeWith(ErrorCode.IDLE_TIMEOUT, 1001,
                        "Nothing was received for " + config.idleTimeout().toSeconds() + " s; ping more often.");
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
