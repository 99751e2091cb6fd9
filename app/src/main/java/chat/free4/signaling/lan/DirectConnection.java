package chat.free4.signaling.lan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One TCP connection of direct signaling; it owns the socket. A reader thread decodes frames and a
 * writer thread drains a bounded queue, so a slow peer never blocks the caller. The listener hears
 * each message and, exactly once, that the connection ended.
 */
final class DirectConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirectConnection.class);
    private static final int QUEUE_LIMIT = 512;
    private static final byte[] CLOSE_MARK = new byte[0];
    private static final byte[] FINISH_MARK = new byte[0];

    interface Listener {
        void onMessage(DirectConnection connection, DirectMessage message);

        /** The connection ended; {@code reason} is for logs. */
        void onClosed(DirectConnection connection, String reason);
    }

    private final Socket socket;
    private final String label;
    private final BlockingQueue<byte[]> outgoing = new ArrayBlockingQueue<>(QUEUE_LIMIT);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Listener listener;
    private volatile int readTimeoutMillis;

    DirectConnection(Socket socket, String label, int readTimeoutMillis) {
        this.socket = socket;
        this.label = label;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Starts the reader and writer threads. */
    void start(Listener listener) {
        this.listener = listener;
        Thread reader = new Thread(this::readLoop, "lan-read-" + label);
        reader.setDaemon(true);
        reader.start();
        Thread writer = new Thread(this::writeLoop, "lan-write-" + label);
        writer.setDaemon(true);
        writer.start();
    }

    InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    InetSocketAddress remote() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    /** After the handshake a connection may stay quiet longer (pings keep it alive). */
    void setReadTimeout(int millis) {
        readTimeoutMillis = millis;
        try {
            socket.setSoTimeout(millis);
        } catch (IOException e) {
            close("could not set timeout");
        }
    }

    /** Queues a message; false (and the connection closed) if the peer stopped reading. */
    boolean send(DirectMessage message) {
        if (closed.get()) {
            return false;
        }
        if (!outgoing.offer(DirectMessageCodec.encode(message))) {
            close("peer does not read (send queue full)");
            return false;
        }
        return true;
    }

    private void readLoop() {
        String reason = "closed by peer";
        try {
            socket.setSoTimeout(readTimeoutMillis);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (!closed.get()) {
                DirectMessage message = DirectMessageCodec.decode(Frames.read(in));
                listener.onMessage(this, message);
            }
        } catch (SocketTimeoutException e) {
            reason = "silent for too long";
        } catch (DirectProtocolException e) {
            reason = "protocol violation: " + e.getMessage();
        } catch (IOException e) {
            reason = closed.get() ? "closed" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (RuntimeException e) {
            log.warn("Direct signaling reader failed", e);
            reason = "internal error";
        }
        close(reason);
    }

    private void writeLoop() {
        try {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            while (true) {
                byte[] frame = outgoing.take();
                if (frame == CLOSE_MARK) {
                    return;
                }
                if (frame == FINISH_MARK) {
                    out.flush();
                    close("closed");
                    return;
                }
                Frames.write(out, frame);
            }
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues {@code last} (e.g. a bye) after what is already queued, then closes once it is written. */
    void finish(DirectMessage last) {
        if (closed.get()) {
            return;
        }
        if (!outgoing.offer(DirectMessageCodec.encode(last)) || !outgoing.offer(FINISH_MARK)) {
            close("closed");
        }
    }

    @Override
    public void close() {
        close("closed");
    }

    void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        outgoing.clear();
        outgoing.offer(CLOSE_MARK);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        log.debug("Direct connection {} ended: {}", label, reason);
        Listener l = listener;
        if (l != null) {
            l.onClosed(this, reason);
        }
    }

    String label() {
        return label;
    }
}
