package chat.free4.engine;

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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a relay that records the payload of every WebSocket frame the
 * clients send (unmasked). It removes {@code Sec-WebSocket-Extensions} from the upgrade, so no
 * compression hides what is sent.
 */
public final class RecordingRelayProxy implements AutoCloseable {
    private final ServerSocket server;
    private final URI relay;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Every client-to-relay data frame's payload, in order per connection. */
    public final List<byte[]> clientFrames = new CopyOnWriteArrayList<>();
    /** The upgrade requests, as forwarded. */
    public final List<String> upgrades = new CopyOnWriteArrayList<>();

    public RecordingRelayProxy(URI relay) throws IOException {
        this.relay = relay;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "recording-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public static RecordingRelayProxy start(URI relay) throws IOException {
        return new RecordingRelayProxy(relay);
    }

    /** Where clients connect instead of the relay. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + relay.getPath());
    }

    /** Every recorded frame as text (UTF-8; the relay's protocol is JSON in text frames). */
    /** Every client-to-relay data frame as text, in order. */
    public List<String> framesToTheRelay() {
        return clientFrames.stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
    }

    public String allText() {
        StringBuilder all = new StringBuilder();
        clientFrames.forEach(f -> all.append(new String(f, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(relay.getHost(), relay.getPort()), 5000);
                sockets.add(client);
                sockets.add(upstream);
                start(() -> clientToRelay(client, upstream));
                start(() -> copy(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "recording-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void clientToRelay(Socket client, Socket upstream) {
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            String head = readHead(in);
            StringBuilder forwarded = new StringBuilder();
            for (String line : head.split("\r\n")) {
                if (!line.toLowerCase().startsWith("sec-websocket-extensions:")) {
                    forwarded.append(line).append("\r\n");
                }
            }
            forwarded.append("\r\n");
            upgrades.add(forwarded.toString());
            out.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            while (true) {
                int b0 = in.read();
                if (b0 < 0) {
                    return;
                }
                int b1 = in.read();
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                frame.write(b0);
                frame.write(b1);
                long length = b1 & 0x7f;
                if (length == 126) {
                    byte[] ext = in.readNBytes(2);
                    frame.write(ext);
                    length = ((ext[0] & 0xff) << 8) | (ext[1] & 0xff);
                } else if (length == 127) {
                    byte[] ext = in.readNBytes(8);
                    frame.write(ext);
                    length = 0;
                    for (byte e : ext) {
                        length = (length << 8) | (e & 0xff);
                    }
                }
                byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
                if ((b1 & 0x80) != 0) {
                    frame.write(mask);
                }
                byte[] payload = in.readNBytes((int) length);
                frame.write(payload);
                out.write(frame.toByteArray());
                out.flush();
                int opcode = b0 & 0x0f;
                if (opcode <= 0x2) { // text, binary, continuation
                    byte[] clear = payload.clone();
                    for (int i = 0; i < clear.length; i++) {
                        clear[i] ^= mask[i % 4];
                    }
                    clientFrames.add(clear);
                }
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

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
        closeQuietly(new Socket());
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        sockets.forEach(RecordingRelayProxy::closeQuietly);
    }
}
