package chat.free4.packaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A network namespace for the installed app and its peers: loopback plus one veth interface with
 * an address from 198.18.0.0/15 (libwebrtc gathers no loopback candidates), and no route
 * anywhere else, so neither WebRTC nor the app's LAN discovery touches a real interface. The X and
 * sound servers are reached through their filesystem sockets. Needs root.
 */
final class TestNamespace implements AutoCloseable {
    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    static TestNamespace create(String tag, String address) throws Exception {
        TestNamespace ns = new TestNamespace("f4c-" + tag + "-" + ProcessHandle.current().pid());
        try {
            ns.sh("ip", "netns", "add", ns.name);
            ns.sh("ip", "-n", ns.name, "link", "add", "f4t0", "type", "veth", "peer", "name", "f4t1");
            ns.sh("ip", "-n", ns.name, "addr", "add", address + "/24", "dev", "f4t0");
            ns.sh("ip", "-n", ns.name, "link", "set", "lo", "up");
            ns.sh("ip", "-n", ns.name, "link", "set", "f4t0", "up");
            ns.sh("ip", "-n", ns.name, "link", "set", "f4t1", "up");
            return ns;
        } catch (Exception | AssertionError e) {
            ns.close();
            throw e;
        }
    }

    /** {@code command} run inside the namespace. */
    List<String> command(String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(List.of(command));
        return all;
    }

    private void sh(String... command) throws Exception {
        ProcessRun.run(List.of(command), Duration.ofSeconds(20)).assertSuccess(String.join(" ", command));
    }

    @Override
    public void close() {
        try {
            ProcessRun.run(List.of("ip", "netns", "del", name), Duration.ofSeconds(20));
        } catch (Exception e) {
            // cleaning up: already gone
        }
    }
}
