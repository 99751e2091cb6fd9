package chat.free4.bench;

import static org.awaitility.Awaitility.await;

import chat.free4.audio.PcmSource;
import chat.free4.audio.ToneGenerator;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Join to first audio heard: a peer already in the room sends a tone; a newcomer calls join and
 * we time until its first received frame with real signal from that peer (RMS above -30 dBFS).
 * Repeated with a fresh newcomer each time (the engine and its audio exist before join, as in the
 * app). Run inside a network namespace, see docs/BENCHMARKS.md.
 */
public final class JoinToFirstAudioBenchmark {
    private JoinToFirstAudioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("load average at start: " + Load.now());
        int joins = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Double> millis = new ArrayList<>();
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer host = new HeadlessPeer("host", new ToneGenerator(440, 0.3))) {
            host.join(relay.uri(), "joins");
            for (int i = 0; i < joins; i++) {
                AtomicLong firstAudio = new AtomicLong();
                HeadlessPeer newcomer = new HeadlessPeer("newcomer" + i, PcmSource.silence(), (from, samples, count) -> {
                    if (firstAudio.get() == 0 && rms(samples, count) > 0.03) {
                        firstAudio.compareAndSet(0, System.nanoTime());
                    }
                });
                try {
                    long start = System.nanoTime();
                    newcomer.join(relay.uri(), "joins");
                    await().atMost(Duration.ofSeconds(20)).until(() -> firstAudio.get() != 0);
                    double ms = (firstAudio.get() - start) / 1e6;
                    millis.add(ms);
                    System.out.printf(Locale.ROOT, "join %2d: %.0f ms%n", i + 1, ms);
                } finally {
                    newcomer.close();
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> host.engine.room().peers().isEmpty());
            }
        }
        Stats s = new Stats(millis);
        System.out.printf(Locale.ROOT, "joins %d | p50 %.0f ms | p95 %.0f ms | max %.0f ms%n", s.count(), s.percentile(50),
                s.percentile(95), s.max());
        System.out.println("load average at end: " + Load.now());
        System.exit(0);
    }

    private static double rms(short[] samples, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / Math.max(1, count)) / 32768.0;
    }
}
