package chat.free4.testrelay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A loopback proxy in front of a relay for tests that read or rewrite what passes: every WebSocket
 * frame in either direction goes through a {@link Handler} of its connection. The upgrade is
 * forwarded without {@code Sec-WebSocket-Extensions}, so no compression hides a frame.
 */
public final class FrameProxy implements AutoCloseable {
    /** What one proxied connection does with its frames; one per connection, called from its two pipes. */
    public interface Handler {
        /** The upgrade request as forwarded to the relay. */
        default void upgrade(String request) {
        }

        /** A client's frame; returns what goes on to the relay. */
        default Frame toRelay(Frame frame) {
            return frame;
        }

        /** A relay's frame, on its way to the client unchanged. */
        default void toClient(Frame frame) {
        }
    }

    /** One WebSocket frame: its first byte (FIN, opcode) and its payload, unmasked. */
    public record Frame(int first, byte[] payload) {
        public int opcode() {
            return first & 0x0f;
        }

        public boolean isText() {
            return opcode() == 0x1;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public Frame withText(String text) {
            return new Frame(first, text.getBytes(StandardCharsets.UTF_8));
        }

        static Frame read(InputStream in) throws IOException {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return null;
            }
            long length = b1 & 0x7f;
            if (length == 126) {
                byte[] ext = in.readNBytes(2);
                length = ((ext[0] & 0xff) << 8) | (ext[1] & 0xff);
            } else if (length == 127) {
                length = 0;
                for (byte e : in.readNBytes(8)) {
                    length = (length << 8) | (e & 0xff);
                }
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
            byte[] payload = in.readNBytes((int) length);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            return new Frame(b0, payload);
        }

        /** The frame as sent; a client's is masked (with a zero mask, which leaves the bytes as they are). */
        byte[] bytes(boolean masked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(first);
            int maskBit = masked ? 0x80 : 0;
            if (payload.length < 126) {
                out.write(maskBit | payload.length);
            } else if (payload.length < 65536) {
                out.write(maskBit | 126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xff);
            } else {
                out.write(maskBit | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) (((long) payload.length >>> shift) & 0xff));
                }
            }
            if (masked) {
                out.writeBytes(new byte[4]);
            }
            out.writeBytes(payload);
            return out.toByteArray();
        }
    }

    private final ServerSocket server;
    private final URI relay;
    private final Supplier<Handler> handlers;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private FrameProxy(URI relay, Supplier<Handler> handlers) throws IOException {
        this.relay = relay;
        this.handlers = handlers;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptLoop);
    }

    /** A proxy to {@code relay}; each connection gets a new handler from {@code handlers}. */
    public static FrameProxy start(URI relay, Supplier<Handler> handlers) throws IOException {
        return new FrameProxy(relay, handlers);
    }

    /** Where clients connect instead of the relay. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + relay.getPath());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(relay.getHost(), relay.getPort()), 5000);
                sockets.add(client);
                sockets.add(upstream);
                Handler handler = handlers.get();
                daemon(() -> clientToRelay(client, upstream, handler));
                daemon(() -> relayToClient(upstream, client, handler));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "frame-proxy");
        t.setDaemon(true);
        t.start();
    }

    private static void clientToRelay(Socket client, Socket upstream, Handler handler) {
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            StringBuilder forwarded = new StringBuilder();
            for (String line : readHead(in).split("\r\n")) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:")) {
                    forwarded.append(line).append("\r\n");
                }
            }
            String request = forwarded.append("\r\n").toString();
            handler.upgrade(request);
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (Frame frame = Frame.read(in); frame != null; frame = Frame.read(in)) {
                out.write(handler.toRelay(frame).bytes(true));
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void relayToClient(Socket upstream, Socket client, Handler handler) {
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            out.write((readHead(in) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (Frame frame = Frame.read(in); frame != null; frame = Frame.read(in)) {
                out.write(frame.bytes(false));
                out.flush();
                handler.toClient(frame);
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(upstream);
            closeQuietly(client);
        }
    }

    /** The head of an HTTP message, without its closing blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the upgrade ended");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        sockets.forEach(FrameProxy::closeQuietly);
    }
}
