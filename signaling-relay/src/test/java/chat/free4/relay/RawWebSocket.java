package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A WebSocket client written by hand on a plain socket, for what a well-behaved library cannot do:
 * invalid UTF-8, lying frame headers, and never reading what the relay sends.
 */
final class RawWebSocket implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final Random maskRandom = new Random(1);

    private String upgradeHead = "";

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Connects and upgrades; {@code receiveBuffer} > 0 shrinks the socket's receive buffer first. */
    static RawWebSocket open(URI uri, int receiveBuffer) throws IOException {
        return open(uri, receiveBuffer, "");
    }

    /** The 101 response's head of the last {@link #open}. */
    String upgradeHead() {
        return upgradeHead;
    }

    /** @param extraHeaders more request header lines, each ending in CRLF (e.g. an extension offer) */
    static RawWebSocket open(URI uri, int receiveBuffer, String extraHeaders) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout((int) TestClient.WAIT.toMillis());
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TestClient.WAIT.toMillis());
        RawWebSocket ws = new RawWebSocket(socket);
        String request = "GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
        ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String head = ws.readHead();
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        ws.upgradeHead = head;
        return ws;
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during handshake");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    void sendText(String text) throws IOException {
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked frame with FIN set. */
    void sendFrame(int opcode, byte[] payload) throws IOException {
        sendFrame(true, opcode, payload);
    }

    /** Sends one masked frame; without {@code fin} a continuation (opcode 0) must follow. */
    void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        writeHeader(fin, opcode, payload.length);
        byte[] mask = new byte[4];
        maskRandom.nextBytes(mask);
        out.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(masked);
        out.flush();
    }

    /** Sends only a header that announces {@code length} bytes, and a mask; the payload never comes. */
    void sendHeaderOnly(int opcode, long length) throws IOException {
        writeHeader(opcode, length);
        out.write(new byte[4]);
        out.flush();
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private void writeHeader(int opcode, long length) throws IOException {
        writeHeader(true, opcode, length);
    }

    private void writeHeader(boolean fin, int opcode, long length) throws IOException {
        out.write((fin ? 0x80 : 0) | opcode);
        if (length < 126) {
            out.write(0x80 | (int) length);
        } else if (length < 65536) {
            out.write(0x80 | 126);
            out.write((int) (length >> 8));
            out.write((int) length);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift));
            }
        }
    }

    /** One frame the relay wrote: its opcode and payload. */
    private record Frame(int opcode, byte[] payload) {
    }

    /** The next frame (unmasked, as the relay writes them), or null when the connection ended. */
    private Frame readFrame() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = in.read();
        long length = b1 & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        return new Frame(b0 & 0x0f, in.readNBytes((int) length));
    }

    /**
     * Reads frames until a close frame and returns its status code, or -1 if the connection ended
     * without one.
     */
    int readUntilClose() throws IOException {
        for (Frame f = readFrame(); f != null; f = readFrame()) {
            if (f.opcode() == 0x8) {
                return f.payload().length >= 2 ? ((f.payload()[0] & 0xff) << 8) | (f.payload()[1] & 0xff) : 1005;
            }
        }
        return -1;
    }

    /** Reads the next text frame the relay wrote (unmasked, unfragmented, as the relay writes them). */
    String readText() throws IOException {
        for (Frame f = readFrame(); f != null; f = readFrame()) {
            if (f.opcode() == 0x1) {
                return new String(f.payload(), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("the connection ended before a text frame");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
