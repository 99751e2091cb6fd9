package chat.free4.signaling.lan;

import chat.free4.Main;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (a main, not a test): on a simulated LAN of three namespaces, a resident peer sends a
 * 440 Hz tone and an observer runs {@code rooms --lan --watch}. Each run launches
 * {@code free4chat join --lan} on the third host and measures, from the launch of that JVM and from
 * the moment LanSignaling starts joining (its log line): when the observer lists the newcomer in the room, and when the newcomer
 * first hears the resident (a level above 0.01). Prints each run and the p50. Needs root.
 * Args: {@code [runs]} (default 10).
 */
public final class LanJoinBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private LanJoinBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String main = Main.class.getName();
        double[] listedFromLaunch = new double[runs];
        double[] listedFromJoin = new double[runs];
        double[] audioFromLaunch = new double[runs];
        double[] audioFromJoin = new double[runs];
        try (SimulatedLan lan = SimulatedLan.create(3)) {
            ChildPeer observer = lan.start(lan.host(0), "observer", main,
                    List.of("rooms", "--lan", "--watch", "--interface", "lan0"));
            observer.awaitLine("watching LAN rooms", TIMEOUT);
            ChildPeer resident = lan.start(lan.host(1), "resident", main, List.of("join", "--lan", "--interface", "lan0",
                    "--room", "bench", "--name", "resident", "--tone", "440", "--levels-every", "0"));
            resident.awaitLine("joined room", TIMEOUT);
            observer.awaitLine("rooms: bench \\(1: resident\\)", TIMEOUT);
            for (int run = 0; run < runs; run++) {
                String name = "newcomer" + run;
                int observed = observer.mark();
                ChildPeer newcomer = lan.start(lan.host(2), name, main, List.of("join", "--lan", "--interface", "lan0",
                        "--room", "bench", "--name", name, "--tone", "880", "--levels-every", "10"));
                long launched = newcomer.startedNanos();
                // The command line prints this just before the engine starts the LAN join.
                long joined = newcomer.awaitLineArrival("joining room \"bench\"", TIMEOUT, 0);
                long listed = observer.awaitLineArrival("rooms: bench \\(2: " + name + ", resident\\)", TIMEOUT, observed);
                long heard = newcomer.awaitLineArrival("levels: resident (0\\.0[1-9]|0\\.[1-9]|1\\.)", TIMEOUT, 0);
                listedFromLaunch[run] = ms(listed - launched);
                listedFromJoin[run] = ms(listed - joined);
                audioFromLaunch[run] = ms(heard - launched);
                audioFromJoin[run] = ms(heard - joined);
                System.out.printf(Locale.ROOT, "run %2d: listed %6.0f ms after launch (%5.0f ms after the LAN join), "
                                + "first audio %6.0f ms after launch (%5.0f ms after the LAN join)%n", run + 1,
                        listedFromLaunch[run], listedFromJoin[run], audioFromLaunch[run], audioFromJoin[run]);
                int beforeLeave = observer.mark();
                newcomer.close();
                observer.awaitLine("rooms: bench \\(1: resident\\)", TIMEOUT, beforeLeave);
            }
        }
        System.out.printf(Locale.ROOT, "p50 over %d runs: room listed %.0f ms after launch, %.0f ms after the LAN join; "
                        + "first audio %.0f ms after launch, %.0f ms after the LAN join%n", runs,
                p50(listedFromLaunch), p50(listedFromJoin), p50(audioFromLaunch), p50(audioFromJoin));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double p50(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
