package chat.free4.signaling.lan;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Records every mDNS packet on the simulated LAN, as someone sniffing it would, run on a host of
 * its own by the tests: prints {@code SNIFFING} once it listens, then {@code PACKET SOURCE HEX}
 * for each multicast packet. Args: {@code IFACE}.
 */
public final class MdnsSnifferMain {
    private MdnsSnifferMain() {
    }

    public static void main(String[] args) throws Exception {
        NetworkInterface lan = NetworkInterface.getByName(args[0]);
        try (MulticastSocket socket = new MulticastSocket(5353)) {
            socket.joinGroup(new InetSocketAddress(InetAddress.getByName("224.0.0.251"), 5353), lan);
            print("SNIFFING");
            byte[] buffer = new byte[9000];
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] bytes = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
                print("PACKET " + packet.getAddress().getHostAddress() + " " + HexFormat.of().formatHex(bytes));
            }
        }
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
