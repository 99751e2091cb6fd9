package chat.free4.signaling.lan.discovery;

import java.net.InetAddress;
import java.util.List;

/** The network interface LAN mode runs on, with the one address per family it uses there. */
public record LanInterface(String name, List<InetAddress> addresses) {
    public LanInterface {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("Interface " + name + " has no usable address.");
        }
    }
}
