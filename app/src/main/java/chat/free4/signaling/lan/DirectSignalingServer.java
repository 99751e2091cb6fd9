package chat.free4.signaling.lan;

import chat.free4.signaling.lan.discovery.LanInterface;
import chat.free4.signaling.lan.discovery.LanUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Listens for direct signaling from other LAN peers on an ephemeral port of each address of the
 * LAN interface (never on every interface of the machine). It owns its server sockets; accepted
 * sockets go to the handler, which owns them from then on. Concurrent connections are bounded.
 */
final class DirectSignalingServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirectSignalingServer.class);
    static final int MAX_CONNECTIONS = 32;

    private final Map<InetAddress, ServerSocket> sockets = new HashMap<>();
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private volatile boolean closed;

    private DirectSignalingServer() {
    }

    /**
     * Binds and starts accepting; {@code handler} gets each accepted socket and must call
     * {@link #release()} once that connection ended.
     */
    static DirectSignalingServer open(LanInterface lanInterface, Consumer<Socket> handler) throws LanUnavailableException {
        DirectSignalingServer server = new DirectSignalingServer();
        List<Thread> acceptors = new ArrayList<>();
        try {
            for (InetAddress address : lanInterface.addresses()) {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(address, 0), 16);
                server.sockets.put(address, socket);
                Thread acceptor = new Thread(() -> server.acceptLoop(socket, handler),
                        "lan-accept-" + socket.getLocalPort());
                acceptor.setDaemon(true);
                acceptors.add(acceptor);
            }
        } catch (IOException e) {
            server.close();
            throw new LanUnavailableException("Could not listen for LAN peers on '" + lanInterface.name()
                    + "': " + e.getMessage(), e);
        }
        acceptors.forEach(Thread::start);
        return server;
    }

    /** The port listening on {@code address} (one of the interface's addresses). */
    int port(InetAddress address) {
        ServerSocket socket = sockets.get(address);
        if (socket == null) {
            // An IPv6 address may come back with another scope form; the family's socket will do.
            socket = sockets.entrySet().stream()
                    .filter(e -> e.getKey().getClass() == address.getClass())
                    .map(Map.Entry::getValue).findFirst()
                    .orElse(sockets.values().iterator().next());
        }
        return socket.getLocalPort();
    }

    private void acceptLoop(ServerSocket serverSocket, Consumer<Socket> handler) {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                if (!slots.tryAcquire()) {
                    log.debug("Refused a LAN connection from {}: too many connections", socket.getInetAddress());
                    socket.close();
                    continue;
                }
                socket.setTcpNoDelay(true);
                handler.accept(socket);
            } catch (IOException e) {
                if (!closed) {
                    log.debug("Accepting a LAN connection failed: {}", e.getMessage());
                }
            } catch (RuntimeException e) {
                log.warn("Handling a LAN connection failed", e);
            }
        }
    }

    /** An accepted connection ended; its slot is free again. */
    void release() {
        slots.release();
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocket socket : sockets.values()) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }
}
