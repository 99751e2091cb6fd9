package chat.free4.testlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated network made and must remove: its namespaces, the veth ends and the bridge in
 * the root namespace, and the programs it started. Removed once, by {@link #close()} or by a
 * shutdown hook when the JVM dies first.
 */
final class TestNetworkResources implements AutoCloseable {
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> rootLinks = new ArrayList<>();
    private final List<ChildPeer> children = new ArrayList<>();
    private final Thread cleanupHook;
    private String bridge;
    private boolean closed;

    TestNetworkResources(String name) {
        cleanupHook = new Thread(this::cleanUp, name + "-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook);
    }

    /** Makes a bridge in the root namespace, with no address and no IPv6 of its own. */
    void bridge(String name, String... options) {
        List<String> command = new ArrayList<>(List.of("ip", "link", "add", name, "type", "bridge"));
        command.addAll(List.of(options));
        Shell.run(command.toArray(String[]::new));
        bridge = name;
        disableIpv6(name);
        Shell.run("ip", "link", "set", name, "up");
    }

    void namespace(String name) {
        Shell.run("ip", "netns", "add", name);
        namespaces.add(name);
    }

    /** Notes a veth end left in the root namespace, to delete it at the end. */
    void rootLink(String name) {
        rootLinks.add(name);
    }

    /** Puts a root-namespace veth end (noted with {@link #rootLink}) on the bridge. */
    void putOnBridge(String name) {
        Shell.run("ip", "link", "set", name, "master", bridge);
        disableIpv6(name);
        Shell.run("ip", "link", "set", name, "up");
    }

    ChildPeer keep(ChildPeer child) {
        synchronized (children) {
            children.add(child);
        }
        return child;
    }

    /** The root namespace's ends carry no traffic of their own. */
    private static void disableIpv6(String link) {
        Path knob = Path.of("/proc/sys/net/ipv6/conf", link, "disable_ipv6");
        try {
            if (Files.exists(knob)) {
                Files.writeString(knob, "1");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not disable IPv6 on " + link, e);
        }
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException ignored) {
            // Already shutting down: the hook runs anyway.
        }
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (children) {
            children.forEach(ChildPeer::close);
        }
        for (String ns : namespaces) {
            Shell.tryRun("ip", "netns", "delete", ns);
        }
        for (String link : rootLinks) {
            Shell.tryRun("ip", "link", "delete", link);
        }
        if (bridge != null) {
            Shell.tryRun("ip", "link", "delete", bridge);
        }
    }
}
