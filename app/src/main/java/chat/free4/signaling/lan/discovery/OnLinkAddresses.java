package chat.free4.signaling.lan.discovery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;

/**
 * Which announced addresses are worth dialling: those on a subnet of our LAN interface (and IPv6
 * link-local ones, which are on the link by definition). An announcement is anyone's word, so
 * without this a host could make every browsing app connect to loopback services or to machines
 * beyond the router every 5 s. The interface's subnets are re-read now and then (DHCP renewals).
 */
final class OnLinkAddresses {
    private static final long REFRESH_NANOS = 5_000_000_000L;

    private final String interfaceName;
    private List<InterfaceAddress> subnets = List.of();
    private long readAt;
    private boolean read;

    OnLinkAddresses(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    synchronized boolean onLink(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet6Address && address.isLinkLocalAddress()) {
            return true;
        }
        return subnets().stream().anyMatch(s -> sameSubnet(s, address));
    }

    private List<InterfaceAddress> subnets() {
        long now = System.nanoTime();
        if (!read || now - readAt > REFRESH_NANOS) {
            read = true;
            readAt = now;
            try {
                NetworkInterface ni = NetworkInterface.getByName(interfaceName);
                subnets = ni == null ? List.of() : List.copyOf(ni.getInterfaceAddresses());
            } catch (SocketException e) {
                subnets = List.of(); // the interface is gone: nothing is on it
            }
        }
        return subnets;
    }

    private static boolean sameSubnet(InterfaceAddress subnet, InetAddress address) {
        byte[] ours = subnet.getAddress().getAddress();
        byte[] theirs = address.getAddress();
        int prefix = subnet.getNetworkPrefixLength();
        if (ours.length != theirs.length || prefix <= 0 || prefix > ours.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((ours[bit / 8] & mask) != (theirs[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
