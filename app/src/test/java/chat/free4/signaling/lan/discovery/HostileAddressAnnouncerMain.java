package chat.free4.signaling.lan.discovery;

import chat.free4.peer.PeerId;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;

/**
 * A host on the simulated LAN that announces free4chat members whose address records point at
 * loopback and at a network beyond the router, plus one honest member (its own address) as a
 * control. Raw mDNS responses, resent every half second as an attacker would (args: interface).
 */
public final class HostileAddressAnnouncerMain {
    static final String LOOPBACK_ID = "badaddrloopback01";
    static final String FAR_ID = "badaddrfaraway001";
    static final String CONTROL_ID = "goodaddrcontrol01";

    private HostileAddressAnnouncerMain() {
    }

    public static void main(String[] args) throws Exception {
        LanInterface lan = LanInterfaces.choose(args[0], IpFamily.IPV4);
        InetAddress own = lan.addresses().get(0);
        byte[][] packets = {
            packet(InetAddress.getByName("127.0.0.1"), LOOPBACK_ID, "loopback room"),
            packet(InetAddress.getByName("10.77.0.1"), FAR_ID, "far room"),
            packet(own, CONTROL_ID, "honest room"),
        };
        try (MulticastSocket socket = new MulticastSocket(null)) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(5353));
            socket.setNetworkInterface(NetworkInterface.getByName(lan.name()));
            socket.setTimeToLive(255);
            InetAddress group = InetAddress.getByName("224.0.0.251");
            System.out.println("ANNOUNCING");
            System.out.flush();
            while (true) {
                for (byte[] p : packets) {
                    socket.send(new DatagramPacket(p, p.length, group, 5353));
                }
                Thread.sleep(500); // the attacker's pace, not synchronisation
            }
        }
    }

    private static byte[] packet(InetAddress pointsAt, String id, String room) {
        byte[] txt = TxtRecordCodec.encode(new LanAnnouncement(room, new PeerId(id), "m" + id.substring(0, 4), true));
        return EarlyAnnouncement.build(pointsAt, "host-" + id + ".local.", id, 9, txt, 120);
    }
}
