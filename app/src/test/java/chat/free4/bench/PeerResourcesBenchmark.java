package chat.free4.bench;

import static org.awaitility.Awaitility.await;

import chat.free4.audio.ToneGenerator;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU and memory per peer in a room of 8 (all peers in this JVM, each with its own engine,
 * factory and 7 connections, everyone sending a tone): process CPU over a 20 s window and
 * resident memory, divided by 8; the same for an idle JVM with only the relay as a baseline.
 * Run inside a network namespace, see docs/BENCHMARKS.md.
 */
public final class PeerResourcesBenchmark {
    private PeerResourcesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + Load.now());
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (TestRelay relay = TestRelay.start("127.0.0.1")) {
            Measure idle = Measure.over(window);
            List<HeadlessPeer> peers = new ArrayList<>();
            try {
                for (int i = 0; i < size; i++) {
                    peers.add(new HeadlessPeer("p" + i, new ToneGenerator(300 + 60 * i, 0.2)));
                }
                for (HeadlessPeer p : peers) {
                    p.join(relay.uri(), "load");
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> peers.stream().allMatch(p ->
                        p.connectedTo(peers.stream().filter(o -> o != p).toArray(HeadlessPeer[]::new))));
                Measure busy = Measure.over(window);
                int cores = Runtime.getRuntime().availableProcessors();
                System.out.printf(Locale.ROOT, "cores %d, window %d s%n", cores, window);
                System.out.printf(Locale.ROOT, "idle JVM with relay: CPU %.1f%% of one core, RSS %.0f MB, heap used %.0f MB%n",
                        idle.cpuPercent, idle.rssMb, idle.heapMb);
                System.out.printf(Locale.ROOT, "room of %d:          CPU %.1f%% of one core, RSS %.0f MB, heap used %.0f MB%n",
                        size, busy.cpuPercent, busy.rssMb, busy.heapMb);
                System.out.printf(Locale.ROOT, "per peer (7 connections each): CPU %.1f%% of one core, RSS %.1f MB, heap %.1f MB%n",
                        (busy.cpuPercent - idle.cpuPercent) / size, (busy.rssMb - idle.rssMb) / size, (busy.heapMb - idle.heapMb) / size);
            } finally {
                peers.forEach(HeadlessPeer::close);
            }
        }
        System.out.println("load average at end: " + Load.now());
        System.exit(0);
    }

    /** Process CPU and memory over a window of seconds. */
    private record Measure(double cpuPercent, double rssMb, double heapMb) {
        static Measure over(int seconds) throws Exception {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L); // a measuring window, not synchronisation
            long cpu1 = os.getProcessCpuTime();
            long t1 = System.nanoTime();
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new Measure(100.0 * (cpu1 - cpu0) / (t1 - t0), residentMb(), heap.getUsed() / 1048576.0);
        }

        private static double residentMb() throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            return Double.NaN;
        }
    }
}
