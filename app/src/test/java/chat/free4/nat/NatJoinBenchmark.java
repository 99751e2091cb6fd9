package chat.free4.nat;

import chat.free4.Main;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.NatKind;
import chat.free4.testlan.PublicServices;
import chat.free4.testlan.SimulatedInternet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (a main, not a test): join to first audio through each kind of home router, in the
 * simulated internet of {@link NatTraversalTest} (real coturn and relay on the public host). Per
 * case a resident in home 1 sends a 440 Hz tone; each run launches {@code free4chat join} in home 2
 * and measures, from the {@code joining room} line that newcomer prints just before the engine
 * joins, until it prints "connected" for the resident and until it first prints a level above
 * 0.01 for the resident (levels every 10 ms; the engine updates them every 100 ms, so up to 100 ms
 * late). Prints each run with the route it took, then p50 and p95 per case. Needs root, iptables
 * and turnserver. Args: {@code [runs]} (default 10).
 */
public final class NatJoinBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String SECRET = "bench-secret-" + Long.toHexString(System.nanoTime());

    private record Case(String name, NatKind resident, NatKind newcomer, List<String> relayOptions) {
    }

    private NatJoinBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String turnOptions = "--turn-secret";
        List<Case> cases = List.of(
                new Case("endpoint-independent NATs, STUN only", NatKind.ENDPOINT_INDEPENDENT, NatKind.ENDPOINT_INDEPENDENT,
                        List.of("--stun", PublicServices.stunUrl())),
                new Case("symmetric NATs, TURN over UDP", NatKind.SYMMETRIC, NatKind.SYMMETRIC,
                        List.of("--stun", PublicServices.stunUrl(), "--turn", PublicServices.turnUrl("udp"), turnOptions, SECRET)),
                new Case("newcomer's home drops UDP, TURN over TCP", NatKind.ENDPOINT_INDEPENDENT, NatKind.UDP_BLOCKED,
                        List.of("--stun", PublicServices.stunUrl(), "--turn", PublicServices.turnUrl("udp"),
                                "--turn", PublicServices.turnUrl("tcp"), turnOptions, SECRET)));
        List<String> summary = new ArrayList<>();
        for (Case c : cases) {
            summary.add(run(c, runs));
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    private static String run(Case c, int runs) throws Exception {
        double[] connected = new double[runs];
        double[] audio = new double[runs];
        Path dir = Files.createTempDirectory("f4cnat-bench");
        String main = Main.class.getName();
        System.out.println("== " + c.name());
        try (SimulatedInternet net = SimulatedInternet.create(c.resident(), c.newcomer())) {
            PublicServices.coturn(net, SECRET, dir);
            PublicServices.relay(net, c.relayOptions());
            ChildPeer resident = net.startJava(net.home(1).host(), "resident", main, List.of("join", "--relay",
                    PublicServices.relayUrl(), "--room", "bench", "--name", "resident", "--tone", "440", "--levels-every", "0"));
            resident.awaitLine("joined room", TIMEOUT);
            for (int run = 0; run < runs; run++) {
                String name = "newcomer" + run;
                ChildPeer newcomer = net.startJava(net.home(2).host(), name, main, List.of("join", "--relay",
                        PublicServices.relayUrl(), "--room", "bench", "--name", name, "--tone", "880", "--levels-every", "10"));
                long joining = newcomer.awaitLineArrival("joining room \"bench\"", TIMEOUT, 0);
                long up = newcomer.awaitLineArrival("resident: connected", TIMEOUT, 0);
                long heard = newcomer.awaitLineArrival("levels: resident (0\\.0[1-9]|0\\.[1-9]|1\\.)", TIMEOUT, 0);
                Matcher route = newcomer.awaitLine("resident: route (.*?\\])", TIMEOUT);
                connected[run] = (up - joining) / 1e6;
                audio[run] = (heard - joining) / 1e6;
                System.out.printf(Locale.ROOT, "run %2d: connected %5.0f ms, first audio %5.0f ms after joining; %s%n",
                        run + 1, connected[run], audio[run], route.group(1));
                int before = resident.mark();
                newcomer.close();
                resident.awaitLine("- " + Pattern.quote(name) + " left", TIMEOUT, before);
            }
        }
        return String.format(Locale.ROOT, "%-42s connected p50 %5.0f ms, p95 %5.0f ms; first audio p50 %5.0f ms, p95 %5.0f ms (%d runs)",
                c.name() + ":", percentile(connected, 50), percentile(connected, 95), percentile(audio, 50),
                percentile(audio, 95), runs);
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
