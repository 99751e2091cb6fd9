package chat.free4.signaling.relay;

import chat.free4.signaling.RoomPassword;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A hostile relay for tests: a loopback proxy in front of a real relay that lets anyone into a
 * password room. It knows the room's password (as a relay that was told it, or guessed it, would)
 * and replaces every joiner's answer to the relay's challenge with the right one, so a peer with a
 * wrong password, or none at all, is admitted. Only the peers' own proof can then keep it out.
 * Compression is stripped from the upgrade so frames can be read.
 */
public final class AdmitAnyoneRelayProxy implements AutoCloseable {
    private final ServerSocket server;
    private final URI relay;
    private final RoomPasswordKey key;
    private final String room;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private AdmitAnyoneRelayProxy(URI relay, String room, String password) throws IOException {
        this.relay = relay;
        this.room = room;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // The room's creator salts its key with the address it uses: this proxy's.
        RoomPassword typed = RoomPassword.of(password.toCharArray());
        this.key = RoomPasswordKey.derive(typed, uri(), room);
        typed.wipe();
        Thread accept = new Thread(this::acceptLoop, "admit-anyone-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** A proxy to {@code relay} that admits anyone into {@code room}, whose password is {@code password}. */
    public static AdmitAnyoneRelayProxy start(URI relay, String room, String password) throws IOException {
        return new AdmitAnyoneRelayProxy(relay, room, password);
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
                AtomicReference<byte[]> nonce = new AtomicReference<>();
                start(() -> clientToRelay(client, upstream, nonce));
                start(() -> relayToClient(upstream, client, nonce));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "admit-anyone-pipe");
        t.setDaemon(true);
        t.start();
    }

    /** Forwards as it comes, noting each challenge's nonce for this connection. */
    private void relayToClient(Socket upstream, Socket client, AtomicReference<byte[]> nonce) {
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            out.write(readHead(in).getBytes(StandardCharsets.ISO_8859_1));
            out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            while (true) {
                Frame frame = Frame.read(in);
                if (frame == null) {
                    return;
                }
                out.write(frame.bytes(false));
                out.flush();
                if (frame.opcode() == 0x1) {
                    String text = new String(frame.payload(), StandardCharsets.UTF_8);
                    if (text.contains("\"challenge\"")) {
                        byte[] n = RelayMessages.nonce(JsonParser.parseString(text).getAsJsonObject());
                        if (n != null) {
                            nonce.set(n);
                        }
                    }
                }
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(upstream);
            closeQuietly(client);
        }
    }

    /** Forwards the upgrade without compression, and every join into the room with the right answer. */
    private void clientToRelay(Socket client, Socket upstream, AtomicReference<byte[]> nonce) {
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            StringBuilder forwarded = new StringBuilder();
            for (String line : readHead(in).split("\r\n")) {
                if (!line.toLowerCase().startsWith("sec-websocket-extensions:")) {
                    forwarded.append(line).append("\r\n");
                }
            }
            out.write(forwarded.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            while (true) {
                Frame frame = Frame.read(in);
                if (frame == null) {
                    return;
                }
                if (frame.opcode() == 0x1) {
                    frame = frame.withPayload(admitted(new String(frame.payload(), StandardCharsets.UTF_8), nonce.get())
                            .getBytes(StandardCharsets.UTF_8));
                }
                out.write(frame.bytes(true));
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /** A join into the room with any password answer gets the right one; everything else is left alone. */
    private String admitted(String text, byte[] nonce) {
        if (!text.contains("\"join\"") || nonce == null) {
            return text;
        }
        JsonObject join = JsonParser.parseString(text).getAsJsonObject();
        if (!"join".equals(RelayMessages.text(join, "type")) || !join.has("password")
                || !room.equals(RelayMessages.text(join, "room"))) {
            return text;
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("verifier", Base64.getEncoder().encodeToString(key.verifier()));
        answer.addProperty("proof", Base64.getEncoder().encodeToString(
                key.sign(nonce, room, RelayMessages.text(join, "peerId"))));
        join.add("password", answer);
        return join.toString();
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
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        sockets.forEach(AdmitAnyoneRelayProxy::closeQuietly);
    }

    /** One WebSocket frame, its payload unmasked. */
    private record Frame(int first, byte[] payload) {
        int opcode() {
            return first & 0x0f;
        }

        Frame withPayload(byte[] other) {
            return new Frame(first, other);
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
            boolean masked = (b1 & 0x80) != 0;
            byte[] mask = masked ? in.readNBytes(4) : new byte[4];
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
}
