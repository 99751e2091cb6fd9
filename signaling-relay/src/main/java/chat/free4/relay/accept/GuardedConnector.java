package chat.free4.relay.accept;

import chat.free4.relay.limits.AddressLimiter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * The relay's listening socket, guarded against half-open connections (slowloris): every TCP
 * connection counts from the moment it is accepted, not from its WebSocket upgrade; there is a cap
 * for the whole relay and one per address, and a connection that has not finished its upgrade
 * within the deadline is closed however slowly it keeps sending. Refused sockets are closed
 * before Jetty reads a byte from them.
 */
public final class GuardedConnector extends ServerConnector {
    /** What the guard reports; counters only. */
    public interface Events {
        void refusedAtAccept();

        void upgradeTooSlow();
    }

    private final AddressLimiter perAddress;
    private final int maxConnections;
    private final Duration upgradeDeadline;
    private final Events events;
    private final AtomicInteger open = new AtomicInteger();
    /** Sockets admitted by {@link #configure} and not yet turned into an end point. */
    private final Map<SocketChannel, InetAddress> admitted = new ConcurrentHashMap<>();

    /**
     * @param perAddress null when every socket comes from one reverse proxy (the per-client limit
     *                   then applies at the upgrade, by {@code X-Forwarded-For})
     */
    public GuardedConnector(Server server, AddressLimiter perAddress, int maxConnections, Duration upgradeDeadline,
                            Events events, ConnectionFactory... factories) {
        this(server, null, -1, -1, perAddress, maxConnections, upgradeDeadline, events, factories);
    }

    /**
     * @param executor  runs the selector loops and what they hand over; null for the server's pool
     * @param acceptors threads blocked in accept; 0 lets the selector accept; -1 for Jetty's default
     * @param selectors selector threads; -1 for Jetty's default
     */
    public GuardedConnector(Server server, java.util.concurrent.Executor executor, int acceptors, int selectors,
                            AddressLimiter perAddress, int maxConnections, Duration upgradeDeadline,
                            Events events, ConnectionFactory... factories) {
        super(server, executor, null, null, acceptors, selectors, factories);
        this.perAddress = perAddress;
        this.maxConnections = maxConnections;
        this.upgradeDeadline = upgradeDeadline;
        this.events = events;
    }

    /** TCP connections open now, upgraded or not. */
    public int openConnections() {
        return open.get();
    }

    @Override
    protected void configure(Socket socket) {
        super.configure(socket);
        InetAddress address = socket.getInetAddress();
        if (!admit(address)) {
            events.refusedAtAccept();
            try {
                socket.close(); // Jetty then fails to register the channel and forgets it
            } catch (IOException ignored) {
                // closed either way
            }
            return;
        }
        admitted.put(socket.getChannel(), address);
    }

    private boolean admit(InetAddress address) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return false;
        }
        if (perAddress != null && address != null && !perAddress.tryAcquire(address)) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    private void release(InetAddress address) {
        open.decrementAndGet();
        if (perAddress != null && address != null) {
            perAddress.release(address);
        }
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key)
            throws IOException {
        InetAddress address = admitted.remove(channel);
        AtomicBoolean released = new AtomicBoolean();
        SocketChannelEndPoint endPoint = new SocketChannelEndPoint(channel, selector, key, getScheduler()) {
            @Override
            public void onClose(Throwable cause) {
                super.onClose(cause);
                if (released.compareAndSet(false, true)) {
                    release(address);
                }
            }
        };
        endPoint.setIdleTimeout(getIdleTimeout());
        getScheduler().schedule(() -> closeIfNotUpgraded(endPoint), upgradeDeadline.toMillis(), TimeUnit.MILLISECONDS);
        return endPoint;
    }

    private void closeIfNotUpgraded(EndPoint endPoint) {
        if (!endPoint.isOpen()) {
            return;
        }
        Connection connection = endPoint.getConnection();
        if (connection instanceof SslConnection tls) {
            connection = tls.getSslEndPoint().getConnection();
        }
        // Still speaking HTTP after the deadline: a slow or stalled upgrade, or a plain request
        // kept alive (health checks reconnect).
        if (connection == null || connection instanceof HttpConnection) {
            events.upgradeTooSlow();
            endPoint.close(new TimeoutException("The WebSocket upgrade took longer than " + upgradeDeadline));
        }
    }
}
