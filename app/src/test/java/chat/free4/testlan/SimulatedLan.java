package chat.free4.testlan;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A simulated LAN: one bridge in the root namespace (no address, so nothing routes to or from
 * it) and N network namespaces, each with a veth interface {@code lan0} on the bridge and an
 * address from 198.18.0.0/15. Multicast stays on the bridge. Names carry a random part so parallel
 * runs never clash; {@link #close()} removes everything (a shutdown hook covers a dying JVM).
 */
public final class SimulatedLan implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String bridge;
    private final List<LanHost> hosts = new ArrayList<>();
    private final TestNetworkResources made = new TestNetworkResources("simulated-lan");

    private SimulatedLan(int hostCount) {
        byte[] r = new byte[3];
        RANDOM.nextBytes(r);
        String id = HexFormat.of().formatHex(r);
        bridge = "f4br" + id;
        int subnet = 100 + RANDOM.nextInt(150);
        try {
            made.bridge(bridge, "mcast_snooping", "0");
            for (int i = 0; i < hostCount; i++) {
                String ns = "f4lan-" + id + "-" + i;
                String hostEnd = "f4h" + id + i;
                String nsEnd = "f4n" + id + i;
                made.namespace(ns);
                Shell.run("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", nsEnd);
                made.rootLink(hostEnd);
                Shell.run("ip", "link", "set", nsEnd, "netns", ns);
                Shell.run("ip", "-n", ns, "link", "set", nsEnd, "name", "lan0");
                // No duplicate address detection: IPv6 link-local addresses are usable at once.
                Shell.run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.lan0.accept_dad=0");
                String address = "198.18." + subnet + "." + (10 + i);
                Shell.run("ip", "-n", ns, "addr", "add", address + "/24", "dev", "lan0");
                Shell.run("ip", "-n", ns, "link", "set", "lo", "up");
                Shell.run("ip", "-n", ns, "link", "set", "lan0", "up");
                made.putOnBridge(hostEnd);
                hosts.add(new LanHost(ns, "lan0", address));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static SimulatedLan create(int hostCount) {
        return new SimulatedLan(hostCount);
    }


    public List<LanHost> hosts() {
        return List.copyOf(hosts);
    }

    public LanHost host(int index) {
        return hosts.get(index);
    }

    /** Starts {@code mainClass} of the test classpath in a JVM on {@code host}. */
    public ChildPeer start(LanHost host, String label, String mainClass, List<String> args) throws IOException {
        return made.keep(NamespaceProcess.java(host.namespace(), label, mainClass, args));
    }

    /** As {@link #start(LanHost, String, String, List)}, with {@code environment} added to the JVM's. */
    public ChildPeer start(LanHost host, String label, String mainClass, List<String> args,
                           java.util.Map<String, String> environment) throws IOException {
        return made.keep(NamespaceProcess.java(host.namespace(), label, mainClass, args, environment));
    }

    @Override
    public void close() {
        made.close();
    }
}
