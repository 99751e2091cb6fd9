package chat.free4.signaling.lan;

import chat.free4.signaling.lan.discovery.IpFamily;
import chat.free4.signaling.lan.discovery.LanAnnouncement;
import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterface;
import chat.free4.signaling.lan.discovery.LanInterfaces;
import chat.free4.signaling.lan.discovery.LanMember;
import chat.free4.peer.PeerId;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A LAN peer that announces itself (with its key, as {@link LanSignaling} does) but calls no one
 * until told: the window in which only its announcement is known. It answers calls with a
 * challenge and nothing more. On {@code call NAME TEXT} it calls NAME with a signed hello and
 * sends the offer TEXT. Args: {@code IFACE ROOM NAME}.
 */
public final class QuietPeerMain {
    private QuietPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        LanInterface lan = LanInterfaces.choose(args[0], IpFamily.IPV4);
        String room = args[1];
        LanIdentity identity = LanIdentity.generate();
        PeerId self = PeerId.random();
        List<Socket> accepted = new ArrayList<>();
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(lan.addresses().get(0), 0));
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket socket = server.accept();
                    accepted.add(socket);
                    JsonObject challenge = new JsonObject();
                    challenge.addProperty("type", "challenge");
                    challenge.addProperty("nonce", Base64.getEncoder().encodeToString(LanIdentity.nonce()));
                    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                    Frames.write(out, challenge.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (Exception e) {
                    return;
                }
            }
        }, "quiet-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        try (LanDiscovery discovery = LanDiscovery.open(lan)) {
            discovery.announce(new LanAnnouncement(room, self, args[2], true, identity.publicKey()), a -> server.getLocalPort());
            print("ANNOUNCED " + self);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split(" ", 3);
                if (parts[0].equals("call")) {
                    LanMember callee = discovery.browser().members(room).get().stream()
                            .filter(m -> m.displayName().equals(parts[1])).findFirst().orElseThrow();
                    call(callee, room, self, args[2], identity, parts[2]);
                    print("CALLED " + callee.id());
                }
            }
            Thread.currentThread().join();
        }
    }

    private static void call(LanMember callee, String room, PeerId self, String name, LanIdentity identity, String text)
            throws Exception {
        Socket socket = new Socket();
        socket.connect(callee.endpoints().get(0), 2000);
        socket.setSoTimeout(5000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        JsonObject challenge = JsonParser.parseString(new String(Frames.read(in), StandardCharsets.UTF_8)).getAsJsonObject();
        byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").getAsString());
        Frames.write(out, DirectMessageCodec.encode(new DirectMessage.Hello(1, room, self, name, 9,
                identity.publicKey(), identity.prove(nonce, room, self, callee.id()))));
        Frames.write(out, DirectMessageCodec.encode(new DirectMessage.Signal(new chat.free4.signaling.SignalPayload.Offer(text))));
        out.flush();
        // Left open: it is this peer's connection now.
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
