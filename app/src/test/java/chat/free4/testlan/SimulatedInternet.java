package chat.free4.testlan;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A small simulated internet from network namespaces: homes, each a host behind its own NAT router
 * ({@link NatKind}), and one public host (for the relay and coturn), all routers and the public
 * host on one bridge in the root namespace that has no address, so nothing reaches or leaves the
 * machine. Every address is in 198.18.0.0/15: home N is 198.18.N.0/24, the internet 198.19.0.0/24.
 * Each router also has a home router's firewall: unsolicited inbound packets on its WAN side are
 * dropped (without it, Linux conntrack delivers a peer's early packet to the router itself and the
 * host's later mapping gets another port: hole punching then fails for good, see FACTS.md).
 * Names start with {@code f4cnat} plus a random part; {@link #close()} (and a shutdown hook)
 * removes every namespace and link, and ends every process started here.
 */
public final class SimulatedInternet implements AutoCloseable {
    public static final String PUBLIC_IP = "198.19.0.10";
    /** The internet's "gateway": an address on the bridge that no namespace holds, so what is sent there is lost. */
    static final String INTERNET_GATEWAY = "198.19.0.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String bridge;
    private final String publicHost;
    private final List<Home> homes = new ArrayList<>();
    private final TestNetworkResources made = new TestNetworkResources("simulated-internet");

    private SimulatedInternet(List<NatKind> kinds) {
        byte[] r = new byte[3];
        RANDOM.nextBytes(r);
        id = HexFormat.of().formatHex(r);
        bridge = "f4cnatb" + id;
        publicHost = "f4cnat-" + id + "-pub";
        try {
            made.bridge(bridge);
            namespace(publicHost);
            attachToBridge(publicHost, "wan0", "p", PUBLIC_IP);
            defaultRouteToNowhere(publicHost);
            for (int i = 0; i < kinds.size(); i++) {
                homes.add(home(i + 1, kinds.get(i)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** One home per entry, home 1 first. */
    public static SimulatedInternet create(NatKind... kinds) {
        return new SimulatedInternet(List.of(kinds));
    }

    private Home home(int n, NatKind nat) {
        String router = "f4cnat-" + id + "-r" + n;
        String host = "f4cnat-" + id + "-h" + n;
        String publicIp = "198.19.0." + (20 + n);
        namespace(router);
        namespace(host);
        attachToBridge(router, "wan0", "r" + n, publicIp);
        defaultRouteToNowhere(router);
        // The home's own cable: router lan0 <-> host eth0, both ends inside namespaces.
        String a = "f4cnl" + id + n;
        String b = "f4cnh" + id + n;
        Shell.run("ip", "link", "add", a, "type", "veth", "peer", "name", b);
        Shell.run("ip", "link", "set", a, "netns", router);
        Shell.run("ip", "-n", router, "link", "set", a, "name", "lan0");
        Shell.run("ip", "link", "set", b, "netns", host);
        Shell.run("ip", "-n", host, "link", "set", b, "name", "eth0");
        Shell.run("ip", "-n", router, "addr", "add", "198.18." + n + ".1/24", "dev", "lan0");
        Shell.run("ip", "-n", router, "link", "set", "lan0", "up");
        Shell.run("ip", "-n", host, "addr", "add", "198.18." + n + ".10/24", "dev", "eth0");
        Shell.run("ip", "-n", host, "link", "set", "eth0", "up");
        Shell.run("ip", "-n", host, "route", "add", "default", "via", "198.18." + n + ".1");
        Shell.run("ip", "netns", "exec", router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        List<String> masquerade = new ArrayList<>(List.of("-t", "nat", "-A", "POSTROUTING", "-o", "wan0",
                "-s", "198.18." + n + ".0/24"));
        masquerade.addAll(nat.masquerade());
        iptables(router, masquerade.toArray(String[]::new));
        // A home router's firewall: nothing unsolicited from outside, neither to it nor through it.
        iptables(router, "-A", "INPUT", "-i", "wan0", "-m", "conntrack", "--ctstate", "NEW,INVALID", "-j", "DROP");
        iptables(router, "-A", "FORWARD", "-i", "wan0", "-m", "conntrack", "--ctstate", "NEW,INVALID", "-j", "DROP");
        if (nat == NatKind.UDP_BLOCKED) {
            iptables(router, "-A", "FORWARD", "-i", "lan0", "-p", "udp", "-j", "DROP");
        }
        return new Home(n, nat, host, router, publicIp);
    }

    /**
     * Like on the real internet, a packet to an address nobody routes (another home's private
     * address, tried as an ICE candidate) leaves by the default route and is lost on the way; it
     * must not fail the send. Without a default route the sender gets "Network is unreachable",
     * and coturn, relaying such a check, then breaks the TURN allocation it came through.
     */
    private void defaultRouteToNowhere(String namespace) {
        Shell.run("ip", "-n", namespace, "route", "add", "default", "via", INTERNET_GATEWAY);
    }

    private void iptables(String namespace, String... rule) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "iptables"));
        command.addAll(List.of(rule));
        Shell.run(command.toArray(String[]::new));
    }

    private void namespace(String name) {
        made.namespace(name);
        Shell.run("ip", "-n", name, "link", "set", "lo", "up");
        Shell.run("ip", "netns", "exec", name, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
    }

    private void attachToBridge(String namespace, String inside, String tag, String ip) {
        String rootEnd = "f4cnb" + id + tag;
        String nsEnd = "f4cnw" + id + tag;
        Shell.run("ip", "link", "add", rootEnd, "type", "veth", "peer", "name", nsEnd);
        made.rootLink(rootEnd);
        Shell.run("ip", "link", "set", nsEnd, "netns", namespace);
        Shell.run("ip", "-n", namespace, "link", "set", nsEnd, "name", inside);
        Shell.run("ip", "-n", namespace, "addr", "add", ip + "/24", "dev", inside);
        Shell.run("ip", "-n", namespace, "link", "set", inside, "up");
        made.putOnBridge(rootEnd);
    }


    public List<Home> homes() {
        return List.copyOf(homes);
    }

    public Home home(int n) {
        return homes.get(n - 1);
    }

    public String publicHost() {
        return publicHost;
    }

    /** Drops this share of the packets that reach {@code home}'s host from outside (iptables statistic; no netem here). */
    public void loseIncoming(Home home, double probability) {
        iptables(home.router(), "-I", "FORWARD", "1", "-i", "wan0", "-m", "statistic", "--mode", "random",
                "--probability", Double.toString(probability), "-j", "DROP");
    }

    /** Starts a JVM (test class path) in {@code namespace}; ended by {@link #close()}. */
    public ChildPeer startJava(String namespace, String label, String mainClass, List<String> args) throws IOException {
        return made.keep(NamespaceProcess.java(namespace, label, mainClass, args));
    }

    /** Starts a program in {@code namespace}; ended by {@link #close()}. */
    public ChildPeer startProgram(String namespace, String label, List<String> command) throws IOException {
        return made.keep(NamespaceProcess.program(namespace, label, command));
    }


    @Override
    public void close() {
        made.close();
    }
}
