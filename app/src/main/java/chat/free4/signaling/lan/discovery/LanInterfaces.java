package chat.free4.signaling.lan.discovery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the network interface for LAN mode. Automatic choice skips interfaces that are down,
 * loopback, point-to-point (VPN tunnels), without multicast, or named like container and VM
 * plumbing (docker, veth, virbr, ...): announcing a room there would reach no person. A person
 * (or a test) can name any interface that is up and has an address, including those.
 */
public final class LanInterfaces {
    private static final List<String> VIRTUAL_PREFIXES = List.of(
            "docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "lxcbr", "lxdbr", "cni", "flannel",
            "cali", "weave", "podman", "tun", "tap", "wg", "zt", "utun", "tailscale", "ifb", "dummy");

    private LanInterfaces() {
    }

    /** Why automatic choice skips {@code ni}, or empty if it is a candidate. */
    public static Optional<String> whySkipped(NetworkInterface ni) throws SocketException {
        if (!ni.isUp()) {
            return Optional.of("down");
        }
        if (ni.isLoopback()) {
            return Optional.of("loopback");
        }
        if (ni.isPointToPoint()) {
            return Optional.of("point-to-point");
        }
        if (ni.isVirtual()) {
            return Optional.of("virtual sub-interface");
        }
        if (!ni.supportsMulticast()) {
            return Optional.of("no multicast");
        }
        String name = ni.getName().toLowerCase(Locale.ROOT);
        for (String prefix : VIRTUAL_PREFIXES) {
            if (name.startsWith(prefix)) {
                return Optional.of("virtual (" + prefix + "*)");
            }
        }
        if (addresses(ni, IpFamily.AUTO).isEmpty()) {
            return Optional.of("no address");
        }
        return Optional.empty();
    }

    /** Interfaces automatic choice would use, best first (IPv4 private addresses first). */
    public static List<NetworkInterface> candidates() throws SocketException {
        List<NetworkInterface> result = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (whySkipped(ni).isEmpty()) {
                result.add(ni);
            }
        }
        result.sort(Comparator.comparing((NetworkInterface ni) -> !hasSiteLocalIpv4(ni))
                .thenComparing(NetworkInterface::getIndex));
        return result;
    }

    /**
     * The interface named {@code requested}, or the best automatic candidate when it is null or
     * blank, with its addresses of {@code family}.
     */
    public static LanInterface choose(String requested, IpFamily family) throws LanUnavailableException {
        try {
            NetworkInterface ni;
            if (requested == null || requested.isBlank()) {
                List<NetworkInterface> candidates = candidates();
                if (candidates.isEmpty()) {
                    throw new LanUnavailableException(
                            "No network interface suits LAN mode (connected, with multicast). Connect to a network or name one with --interface.");
                }
                ni = candidates.get(0);
            } else {
                ni = NetworkInterface.getByName(requested.strip());
                if (ni == null) {
                    throw new LanUnavailableException("There is no network interface called '" + requested.strip()
                            + "'. Known interfaces: " + String.join(", ", names()) + ".");
                }
                if (!ni.isUp()) {
                    throw new LanUnavailableException("The network interface '" + ni.getName() + "' is down.");
                }
            }
            List<InetAddress> addresses = addresses(ni, family);
            if (addresses.isEmpty()) {
                throw new LanUnavailableException("The network interface '" + ni.getName()
                        + "' has no " + familyWords(family) + " address.");
            }
            return new LanInterface(ni.getName(), addresses);
        } catch (SocketException e) {
            throw new LanUnavailableException("Could not read the network interfaces: " + e.getMessage(), e);
        }
    }

    /** One address per family: IPv4 preferring non-link-local, IPv6 preferring link-local (mDNS scope). */
    static List<InetAddress> addresses(NetworkInterface ni, IpFamily family) {
        List<InetAddress> all = Collections.list(ni.getInetAddresses());
        Optional<InetAddress> v4 = all.stream().filter(a -> a instanceof Inet4Address)
                .min(Comparator.comparing(InetAddress::isLinkLocalAddress));
        Optional<InetAddress> v6 = all.stream().filter(a -> a instanceof Inet6Address)
                .min(Comparator.comparing((InetAddress a) -> !a.isLinkLocalAddress()));
        List<InetAddress> result = new ArrayList<>();
        switch (family) {
            case IPV4 -> v4.ifPresent(result::add);
            case IPV6 -> v6.ifPresent(result::add);
            case BOTH -> {
                v4.ifPresent(result::add);
                v6.ifPresent(result::add);
            }
            case AUTO -> v4.or(() -> v6).ifPresent(result::add);
        }
        return result;
    }

    private static boolean hasSiteLocalIpv4(NetworkInterface ni) {
        return Collections.list(ni.getInetAddresses()).stream()
                .anyMatch(a -> a instanceof Inet4Address && a.isSiteLocalAddress());
    }

    private static List<String> names() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .map(NetworkInterface::getName).sorted().toList();
    }

    private static String familyWords(IpFamily family) {
        return switch (family) {
            case IPV4 -> "IPv4";
            case IPV6 -> "IPv6";
            case BOTH, AUTO -> "IP";
        };
    }
}
