package chat.free4.bench;

import static org.awaitility.Awaitility.await;

import chat.free4.audio.ToneGenerator;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mouth-to-ear latency in rooms of 2, 4 and 8 peers (all in this JVM, through a real relay, real
 * WebRTC, Opus): peer 0 sends 30 ms bursts every 400 ms, every other peer detects their onsets.
 * The other peers send a quiet tone so every connection carries real audio. Bursts start after a
 * 5 s warm-up (steady state); the jitter buffer's figures of one receiver are printed as well.
 * Run inside a network namespace, see docs/BENCHMARKS.md.
 */
public final class MouthToEarLatencyBenchmark {
    private static final int BURSTS = 60;
    private static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 5);

    private MouthToEarLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + Load.now());
        int[] sizes = args.length == 0 ? new int[] {2, 4, 8} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("room size | measurements | p50 ms | p95 ms | max ms | mean ms");
        for (int size : sizes) {
            measure(size);
        }
        System.out.println("load average at end: " + Load.now());
        System.exit(0);
    }

    /** NetEq's view of one receiver: how much of the latency is jitter buffer. */
    private static void printReceiverStats(HeadlessPeer receiver, HeadlessPeer sender) {
        try {
            var report = receiver.engine.stats(sender.id).get(5, java.util.concurrent.TimeUnit.SECONDS);
            for (var stats : report.getStats().values()) {
                var a = stats.getAttributes();
                if (a.containsKey("jitterBufferDelay") && a.containsKey("jitterBufferEmittedCount")) {
                    double delay = ((Number) a.get("jitterBufferDelay")).doubleValue();
                    double count = ((Number) a.get("jitterBufferEmittedCount")).doubleValue();
                    System.out.printf(Locale.ROOT, "  jitter buffer: mean %.1f ms, target %s, packets lost %s, concealed %s%n",
                            1000 * delay / Math.max(1, count), a.get("jitterBufferTargetDelay") == null ? "?"
                                    : String.format(Locale.ROOT, "%.1f ms", 1000 * ((Number) a.get("jitterBufferTargetDelay")).doubleValue() / Math.max(1, count)),
                            a.get("packetsLost"), a.get("concealedSamples"));
                }
            }
        } catch (Exception e) {
            System.out.println("  (no receiver statistics: " + e.getMessage() + ")");
        }
    }

    private static void measure(int size) {
        try (TestRelay relay = TestRelay.start("127.0.0.1")) {
            BurstSource bursts = new BurstSource(40, 3, BURSTS);
            HeadlessPeer sender = new HeadlessPeer("sender", bursts);
            List<HeadlessPeer> peers = new ArrayList<>(List.of(sender));
            List<OnsetDetector> detectors = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                OnsetDetector detector = new OnsetDetector(sender.id);
                detectors.add(detector);
                peers.add(new HeadlessPeer("listener" + i, new ToneGenerator(200 + 50 * i, 0.01), detector));
            }
            try {
                for (HeadlessPeer p : peers) {
                    p.join(relay.uri(), "latency");
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> peers.stream().allMatch(p ->
                        p.connectedTo(peers.stream().filter(o -> o != p).toArray(HeadlessPeer[]::new))));
                // Steady state, as in a call that has been going on: let the jitter buffers settle first.
                await().pollDelay(Duration.ofSeconds(WARM_UP_SECONDS)).atMost(Duration.ofSeconds(WARM_UP_SECONDS + 1)).until(() -> true);
                bursts.arm();
                await().atMost(Duration.ofSeconds(60)).until(bursts::done);
                try {
                    await().atMost(Duration.ofSeconds(2)).until(() -> detectors.stream().allMatch(d -> d.earNanos.size() >= BURSTS));
                } catch (org.awaitility.core.ConditionTimeoutException lost) {
                    System.out.println("  (some bursts were not detected; reporting those that were)");
                }
                List<Double> latencies = new ArrayList<>();
                for (OnsetDetector d : detectors) {
                    for (long ear : d.earNanos) {
                        long mouth = bursts.mouthNanos.stream().filter(m -> m <= ear).mapToLong(Long::longValue).max().orElse(-1);
                        if (mouth > 0 && ear - mouth < 350_000_000L) {
                            latencies.add((ear - mouth) / 1e6);
                        }
                    }
                }
                printReceiverStats(peers.get(1), sender);
                Stats s = new Stats(latencies);
                System.out.printf(Locale.ROOT, "%9d | %12d | %6.1f | %6.1f | %6.1f | %7.1f%n", size, s.count(),
                        s.percentile(50), s.percentile(95), s.max(), s.mean());
            } finally {
                peers.forEach(HeadlessPeer::close);
            }
        }
    }
}
