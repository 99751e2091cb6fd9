package chat.free4.signaling.lan;

import chat.free4.signaling.lan.discovery.IpFamily;
import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterfaces;
import chat.free4.signaling.lan.discovery.LanMember;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Attacks the direct-signaling port of the member NAME of a LAN room with hostile frames and
 * prints, for each attack, whether the victim closed the connection ({@code ATTACK name CLOSED})
 * or left it open. Args: {@code IFACE ROOM NAME}. Run in a namespace by {@code HostileDirectFramesTest}.
 */
public final class HostileConnectorMain {
    private HostileConnectorMain() {
    }

    public static void main(String[] args) throws Exception {
        try (LanDiscovery discovery = LanDiscovery.open(LanInterfaces.choose(args[0], IpFamily.IPV4))) {
            LanMember victim = null;
            while (victim == null) {
                victim = discovery.browser().members(args[1]).get().stream()
                        .filter(m -> m.displayName().equals(args[2])).findFirst().orElse(null);
                if (victim == null) {
                    Thread.sleep(50); // polling the browser's snapshot until the room shows up
                }
            }
            InetSocketAddress target = victim.endpoints().get(0);
            System.out.println("TARGET " + victim.displayName());
            attack("huge-length", target, out -> out.writeInt(Integer.MAX_VALUE));
            attack("negative-length", target, out -> out.writeInt(-5));
            attack("over-limit", target, out -> {
                out.writeInt(Frames.MAX_FRAME_BYTES + 1);
                out.write(new byte[Frames.MAX_FRAME_BYTES + 1]);
            });
            attack("not-json", target, out -> frame(out, "hello?".getBytes(StandardCharsets.UTF_8)));
            attack("not-utf8", target, out -> frame(out, new byte[] {(byte) 0xff, (byte) 0xfe, '{'}));
            attack("not-hello-first", target, out -> frame(out, json("{\"type\":\"ping\"}")));
            attack("wrong-room", target, out -> frame(out, json(hello("other room", 1))));
            attack("wrong-version", target, out -> frame(out, json(hello(args[1], 99))));
            attack("bad-payload", target, out -> {
                frame(out, json(hello(args[1], 1)));
                frame(out, json("{\"type\":\"signal\",\"payload\":{\"kind\":\"evil\",\"sdp\":\"x\"}}"));
            });
            attack("silent", target, out -> { });
            flood(target);
            System.out.println("DONE");
        }
    }

    interface Attack {
        void send(DataOutputStream out) throws IOException;
    }

    private static void attack(String name, InetSocketAddress target, Attack attack) {
        try (Socket socket = new Socket()) {
            socket.connect(target, 2000);
            socket.setSoTimeout(15000);
            try {
                attack.send(new DataOutputStream(socket.getOutputStream()));
            } catch (IOException e) {
                System.out.println("ATTACK " + name + " CLOSED (while sending)");
                return;
            }
            System.out.println("ATTACK " + name + " " + (closedByPeer(socket.getInputStream()) ? "CLOSED" : "OPEN"));
        } catch (IOException e) {
            System.out.println("ATTACK " + name + " FAILED " + e.getMessage());
        }
    }

    /** More connections than the victim accepts at once, all silent: every one must be closed. */
    private static void flood(InetSocketAddress target) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < DirectSignalingServer.MAX_CONNECTIONS + 8; i++) {
            Socket socket = new Socket();
            socket.connect(target, 2000);
            socket.setSoTimeout(15000);
            sockets.add(socket);
        }
        int closed = 0;
        for (Socket socket : sockets) {
            if (closedByPeer(socket.getInputStream())) {
                closed++;
            }
            socket.close();
        }
        System.out.println("ATTACK flood " + (closed == sockets.size() ? "CLOSED" : "OPEN " + closed));
    }

    /** Whether the victim closed the connection (after its challenge, which is all it ever writes). */
    private static boolean closedByPeer(InputStream in) {
        try {
            byte[] buffer = new byte[512];
            while (true) {
                if (in.read(buffer) == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static String hello(String room, int version) {
        return "{\"type\":\"hello\",\"v\":" + version + ",\"room\":\"" + room
                + "\",\"peerId\":\"intruder00000001\",\"name\":\"intruder\",\"port\":9}";
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void frame(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }
}
