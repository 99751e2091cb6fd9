package chat.free4.signaling.lan;

import chat.free4.signaling.lan.discovery.IpFamily;
import chat.free4.signaling.lan.discovery.LanDiscovery;
import chat.free4.signaling.lan.discovery.LanInterfaces;
import chat.free4.signaling.lan.discovery.LanMember;
import chat.free4.peer.PeerId;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A host on the LAN that dials VICTIM's direct-signaling port claiming to be OWNER (whose peer id
 * it read from mDNS), answering the challenge, if any, with a key of its own. Prints
 * {@code ATTEMPT CLOSED} when the victim closes the connection, {@code ATTEMPT OPEN} if it is
 * still open 5 s later. Args: {@code IFACE ROOM VICTIM_NAME OWNER_NAME}.
 */
public final class ForgedHelloMain {
    private ForgedHelloMain() {
    }

    public static void main(String[] args) throws Exception {
        try (LanDiscovery discovery = LanDiscovery.open(LanInterfaces.choose(args[0], IpFamily.IPV4))) {
            LanMember victim = null;
            LanMember owner = null;
            while (victim == null || owner == null) {
                List<LanMember> members = discovery.browser().members(args[1]).get();
                victim = members.stream().filter(m -> m.displayName().equals(args[2])).findFirst().orElse(null);
                owner = members.stream().filter(m -> m.displayName().equals(args[3])).findFirst().orElse(null);
                if (victim == null || owner == null) {
                    Thread.sleep(50); // polling the browser's snapshot until both show up
                }
            }
            System.out.println("TARGET " + victim.id() + " AS " + owner.id());
            System.out.println("ATTEMPT " + forge(victim.endpoints().get(0), args[1], victim.id(), owner));
        }
        System.exit(0);
    }

    private static String forge(InetSocketAddress target, String room, PeerId victim, LanMember owner) throws IOException {
        LanIdentity mine = LanIdentity.generate();
        try (Socket socket = new Socket()) {
            socket.connect(target, 2000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] nonce = new byte[LanIdentity.NONCE_BYTES];
            socket.setSoTimeout(2000);
            try {
                JsonObject first = JsonParser.parseString(new String(Frames.read(in), StandardCharsets.UTF_8)).getAsJsonObject();
                if (first.get("type").getAsString().equals("challenge")) {
                    nonce = Base64.getDecoder().decode(first.get("nonce").getAsString());
                }
            } catch (SocketTimeoutException noChallenge) {
                // A victim that asks for no proof: the hello alone will do.
            }
            // Written by hand, as an attacker's own client would.
            JsonObject hello = new JsonObject();
            hello.addProperty("type", "hello");
            hello.addProperty("v", 1);
            hello.addProperty("room", room);
            hello.addProperty("peerId", owner.id().value());
            hello.addProperty("name", owner.displayName());
            hello.addProperty("port", 9);
            hello.addProperty("key", mine.publicKey());
            hello.addProperty("proof", mine.prove(nonce, room, owner.id(), victim));
            Frames.write(out, hello.toString().getBytes(StandardCharsets.UTF_8));
            // Words in the owner's name, if the victim takes the connection as the owner's.
            Frames.write(out, "{\"type\":\"signal\",\"payload\":{\"kind\":\"offer\",\"sdp\":\"forged\"}}"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.setSoTimeout(5000);
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
}
