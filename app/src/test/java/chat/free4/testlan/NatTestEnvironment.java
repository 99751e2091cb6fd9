package chat.free4.testlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the simulated-internet tests need: root, and the programs {@code ip}, {@code iptables} and
 * {@code turnserver} (Debian iproute2, iptables, coturn). Missing any, a test is skipped with the
 * reason on a developer's machine, but fails when {@code CI=true}: CI must run them all.
 */
public final class NatTestEnvironment {
    private NatTestEnvironment() {
    }

    public static void require() {
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("root (network namespaces)");
        }
        for (String program : List.of("ip", "iptables", "turnserver")) {
            if (onPath(program) == null) {
                missing.add("the program " + program + (program.equals("turnserver") ? " (Debian coturn)" : ""));
            }
        }
        decide(missing, System.getenv());
    }

    /**
     * What every test that takes the test network namespace's links down or checks its isolation
     * needs: root and {@code ip}. Skipped with the reason without them, failed when {@code CI=true}.
     */
    public static void requireTestNamespace() {
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("root (the test JVM's own network namespace)");
        }
        if (onPath("ip") == null) {
            missing.add("the program ip (Debian iproute2)");
        }
        decide("This test needs ", missing, System.getenv());
    }

    /**
     * What a {@link SimulatedLan} needs: root and {@code ip}, for a namespace per host on a bridge.
     * Skipped with the reason without them, failed when {@code CI=true}.
     */
    public static void requireSimulatedLan() {
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("root (a network namespace per simulated LAN host)");
        }
        if (onPath("ip") == null) {
            missing.add("the program ip (Debian iproute2)");
        }
        decide("The simulated LAN needs ", missing, System.getenv());
    }

    /** Nothing missing: run. Otherwise skip with the reason, or fail when {@code CI=true}. */
    static void decide(List<String> missing, java.util.Map<String, String> environment) {
        decide("The simulated internet needs ", missing, environment);
    }

    private static void decide(String needs, List<String> missing, java.util.Map<String, String> environment) {
        if (missing.isEmpty()) {
            return;
        }
        String reason = needs + String.join(", ", missing) + ".";
        if ("true".equalsIgnoreCase(environment.get("CI"))) {
            Assertions.fail(reason + " CI=true: this test must run here.");
        }
        Assumptions.abort(reason);
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[1].equals("0"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static Path onPath(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String dir : dirs) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
