package chat.free4.signaling.lan;

import chat.free4.peer.PeerId;
import chat.free4.signaling.lan.discovery.IpFamily;
import chat.free4.signaling.lan.discovery.LanAnnouncement;
import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterface;
import chat.free4.signaling.lan.discovery.LanInterfaces;
import chat.free4.signaling.lan.discovery.LanMember;
import chat.free4.signaling.lan.discovery.LanRoomsListener;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * A host that copied a password room's blinded id from mDNS (it is public there) but does not
 * know the password: it announces the id as its own room, prints {@code CALLED_BY ID} for every
 * member that calls it, and calls the member named TARGET with a correctly signed hello whose room
 * proof is made up, then prints {@code ATTEMPT CLOSED} or {@code ATTEMPT OPEN}.
 * Args: {@code IFACE BLINDED_ID TARGET}.
 */
public final class CopiedRoomIdMain {
    private CopiedRoomIdMain() {
    }

    public static void main(String[] args) throws Exception {
        LanInterface lan = LanInterfaces.choose(args[0], IpFamily.IPV4);
        String blinded = args[1];
        LanIdentity identity = LanIdentity.generate();
        PeerId self = PeerId.random();
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(lan.addresses().get(0), 0));
        Thread acceptor = new Thread(() -> answerCalls(server), "copier-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        try (LanDiscovery discovery = LanDiscovery.open(lan)) {
            CompletableFuture<LanMember> target = new CompletableFuture<>();
            discovery.browser().addListener(new LanRoomsListener() {
                @Override
                public void memberAppeared(LanMember member) {
                    if (member.announcement().announces(blinded, true) && member.displayName().equals(args[2])) {
                        target.complete(member);
                    }
                }
            });
            discovery.announce(LanAnnouncement.blinded(blinded, self, "mallory", identity.publicKey()), a -> server.getLocalPort());
            print("ANNOUNCED " + self);
            print("ATTEMPT " + call(target.get(), blinded, self, identity));
            Thread.currentThread().join();
        }
    }

    /** Challenges every caller and notes who it says it is; keeps the connection open. */
    private static void answerCalls(ServerSocket server) {
        while (true) {
            try {
                Socket socket = server.accept();
                JsonObject challenge = new JsonObject();
                challenge.addProperty("type", "challenge");
                challenge.addProperty("nonce", Base64.getEncoder().encodeToString(LanIdentity.nonce()));
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                Frames.write(out, challenge.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                socket.setSoTimeout(5000);
                JsonObject hello = JsonParser.parseString(new String(Frames.read(new DataInputStream(socket.getInputStream())),
                        StandardCharsets.UTF_8)).getAsJsonObject();
                print("CALLED_BY " + hello.get("peerId").getAsString());
            } catch (Exception e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static String call(LanMember callee, String blinded, PeerId self, LanIdentity identity) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(callee.endpoints().get(0), 2000);
            socket.setSoTimeout(5000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            JsonObject challenge = JsonParser.parseString(new String(Frames.read(in), StandardCharsets.UTF_8)).getAsJsonObject();
            byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").getAsString());
            // Everything right but the room proof, which only the password gives.
            String madeUp = Base64.getEncoder().encodeToString(LanIdentity.nonce());
            Frames.write(out, DirectMessageCodec.encode(new DirectMessage.Hello(1, blinded, self, "mallory", 9,
                    identity.publicKey(), identity.prove(nonce, blinded, self, callee.id()), true, madeUp)));
            out.flush();
            try {
                Frames.write(out, DirectMessageCodec.encode(new DirectMessage.Signal(new chat.free4.signaling.SignalPayload.Offer("copied"))));
                out.flush();
            } catch (IOException closedOnTheHello) {
                // The callee closed as soon as it read the hello (a reset breaks this write): closed it is.
                return "CLOSED";
            }
            try {
                byte[] buffer = new byte[512];
                while (in.read(buffer) != -1) {
                    // whatever it sends; we wait for the close
                }
                return "CLOSED";
            } catch (SocketTimeoutException stillOpen) {
                return "OPEN";
            } catch (IOException reset) {
                return "CLOSED";
            }
        }
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
