package chat.free4.signaling.lan.discovery;

import chat.free4.peer.PeerId;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Announces hostile free4chat services with a raw jmDNS instance (no validation on this side),
 * then one valid "control room". Run in a network namespace by {@code HostileAnnouncementsTest}.
 * Prints {@code HOSTILE name} for each hostile instance and {@code REGISTERED} when done.
 */
public final class HostileAnnouncerMain {
    static final String VALID_ID = "aaaabbbbccccdddd0000";

    private HostileAnnouncerMain() {
    }

    record Hostile(String instance, byte[] txt) {
    }

    static List<Hostile> hostiles() {
        List<Hostile> list = new ArrayList<>();
        String id1 = "hostile00000001";
        List<String> oversized = new ArrayList<>(List.of("v=1", "room=oversized room", "id=" + id1, "name=big", "pub=1"));
        for (int i = 0; i < 5; i++) {
            oversized.add("pad" + i + "=" + "x".repeat(200));
        }
        list.add(new Hostile(id1, txt(oversized.toArray(String[]::new))));
        list.add(new Hostile("hostile00000002", txt("v=2", "room=future room", "id=hostile00000002", "name=f", "pub=1")));
        byte[] garbage = new byte[300];
        new Random(42).nextBytes(garbage);
        list.add(new Hostile("hostile00000003", garbage));
        list.add(new Hostile("hostile00000004", concat(txt("v=1", "room=utf room", "id=hostile00000004", "pub=1"),
                new byte[] {7, 'n', 'a', 'm', 'e', '=', (byte) 0xc3, (byte) 0x28})));
        list.add(new Hostile("hostile00000005", txt("v=1", "room=evil\nroom", "id=hostile00000005", "name=e", "pub=1")));
        list.add(new Hostile("hostile00000006", txt("v=1", "room=ansi room", "id=hostile00000006", "name=\u001b[2J\u001b[31mroot", "pub=1")));
        list.add(new Hostile("hostile00000007", txt("v=1", "room=bidi room", "id=hostile00000007", "name=\u202Etxt.exe", "pub=1")));
        list.add(new Hostile("hostile00000008", txt("v=1", "room=mismatch room", "id=someoneelse0001", "name=m", "pub=1")));
        list.add(new Hostile("hostile00000009", txt("v=1", "room=dup room", "room=other", "id=hostile00000009", "name=d", "pub=1")));
        list.add(new Hostile("hostile00000010", txt("v=1", "room=" + "r".repeat(65), "id=hostile00000010", "name=long", "pub=1")));
        list.add(new Hostile("hostile00000011", txt("v=1", "room=noflag room", "id=hostile00000011", "name=n")));
        list.add(new Hostile("hostile00000012", new byte[] {(byte) 200, 'v', '=', '1'}));
        return list;
    }

    public static void main(String[] args) throws Exception {
        LanInterface lan = LanInterfaces.choose(args[0], IpFamily.IPV4);
        InetAddress address = lan.addresses().get(0);
        // jmDNS packs a responder's announcements into one message: a few services per responder.
        List<JmDNS> responders = new ArrayList<>();
        List<Hostile> hostiles = hostiles();
        for (int i = 0; i < hostiles.size(); i++) {
            if (i % 3 == 0) {
                responders.add(JmDNS.create(address, "hostile-host-" + i));
            }
            Hostile hostile = hostiles.get(i);
            responders.get(responders.size() - 1).registerService(
                    ServiceInfo.create(LanProtocol.SERVICE_TYPE, hostile.instance(), 9, 0, 0, hostile.txt()));
            System.out.println("HOSTILE " + hostile.instance());
        }
        JmDNS controlResponder = JmDNS.create(address, "control-host");
        responders.add(controlResponder);
        LanAnnouncement control = new LanAnnouncement("control room", new PeerId(VALID_ID), "control", true);
        controlResponder.registerService(ServiceInfo.create(LanProtocol.SERVICE_TYPE, VALID_ID, 9, 0, 0, TxtRecordCodec.encode(control)));
        System.out.println("REGISTERED");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (JmDNS responder : responders) {
                try {
                    responder.close();
                } catch (Exception ignored) {
                    // Exiting anyway.
                }
            }
        }));
        Thread.currentThread().join();
    }

    static byte[] txt(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String entry : entries) {
            byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
