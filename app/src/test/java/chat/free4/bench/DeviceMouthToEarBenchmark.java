package chat.free4.bench;

import static org.awaitility.Awaitility.await;

import chat.free4.audio.DeviceAudio;
import chat.free4.audio.Pcm;
import chat.free4.audio.VoiceProcessing;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import chat.free4.mesh.MeshConfig;
import chat.free4.testaudio.PrivatePulseServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Mouth-to-ear through real sound devices: the desktop path on a private PulseAudio server, a
 * headless peer on the other end of a relay call on this machine.
 * <ul>
 * <li>desk microphone to far ear: 1 kHz bursts written, paced in real time, into a pipe source
 *     (the desktop app's microphone) after the app's recording stream is open; the far peer detects
 *     them in what it decodes. The pipe source's own buffering is included and cannot be told apart
 *     here (a null sink's monitor fed by {@code pacat} was worse: pacat's input pipe queues too).</li>
 * <li>far mouth to desk speaker: the far peer sends bursts; they are detected in the null sink's
 *     monitor, read in 5 ms pieces with {@code parec} (its own buffering, a few ms, is included).</li>
 * </ul>
 * Run (the sound server is started on the socket {@code PULSE_SERVER} names):
 * {@code PULSE_SERVER=unix:/tmp/f4c-bench-pulse/native app/src/test/netns/run-benchmark DeviceMouthToEarBenchmark [bursts] [on|off]}
 * (in the benchmarks' own network namespace, like every engine benchmark).
 */
public final class DeviceMouthToEarBenchmark {
    private static final int BURST_PERIOD_FRAMES = Integer.getInteger("periodFrames", 40);
    private static final int BURST_FRAMES = 3;
    private static final int THRESHOLD = (int) (0.1 * Short.MAX_VALUE);
    private static final long QUIET_SAMPLES = Pcm.SAMPLE_RATE / 10;
    private static final int WARM_UP_SECONDS = 10;

    private DeviceMouthToEarBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int bursts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        boolean processing = args.length > 1 && args[1].equals("on");
        System.out.println("load average at start: " + Load.now());
        Path socket = Path.of(System.getenv("PULSE_SERVER").substring("unix:".length()));
        Files.createDirectories(socket.getParent());
        Path fifo = socket.getParent().resolve("mic.fifo");
        Files.deleteIfExists(fifo); // the pipe source makes its pipe, and fails if the file exists
        try (PrivatePulseServer pulse = PrivatePulseServer.start(List.of(
                "load-module module-null-sink sink_name=spk rate=48000",
                "load-module module-pipe-source source_name=mic file=" + fifo + " format=s16le rate=48000 channels=1"),
                "spk", "mic");
             TestRelay relay = TestRelay.start("127.0.0.1")) {
            BurstSource farBursts = new BurstSource(BURST_PERIOD_FRAMES, BURST_FRAMES, bursts);
            OnsetDetector farEar;
            VoiceProcessing chosen = processing ? VoiceProcessing.defaults() : VoiceProcessing.none();
            MicrophoneWriter writer = null;
            // The microphone stream opens first, so the pipe is read from the first byte written:
            // written earlier, the bytes would wait in the pipe and add their age to every figure.
            try (HeadlessPeer desk = new HeadlessPeer("desk", heard -> new DeviceAudio(heard, chosen, n -> { }), MeshConfig.defaults());
                 OutputStream mic = Files.newOutputStream(fifo)) {
                MicrophoneWriter started = new MicrophoneWriter(mic, bursts);
                writer = started;
                started.start();
                farEar = new OnsetDetector(desk.id);
                try (HeadlessPeer far = new HeadlessPeer("far", farBursts, farEar)) {
                    far.join(relay.uri(), "latency");
                    desk.join(relay.uri(), "latency");
                    await().atMost(Duration.ofSeconds(30)).until(() -> far.connectedTo(desk) && desk.connectedTo(far));
                    await().pollDelay(Duration.ofSeconds(WARM_UP_SECONDS)).atMost(Duration.ofSeconds(WARM_UP_SECONDS + 1)).until(() -> true);
                    SpeakerListener speaker = new SpeakerListener();
                    speaker.start();
                    started.arm();
                    farBursts.arm();
                    await().atMost(Duration.ofSeconds(120)).until(() -> started.done() && farBursts.done());
                    await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
                    speaker.stop();
                    System.out.println("voice processing: " + (processing ? "echo cancellation, noise suppression, gain" : "off"));
                    System.out.println("direction | measurements | p50 ms | p95 ms | max ms | mean ms");
                    print("desk microphone -> far peer", latencies(started.mouthNanos, farEar.earNanos));
                    System.out.printf(Locale.ROOT, "(microphone writer blocked %.0f ms in all)%n", started.blockedNanos / 1e6);
                    print("far peer -> desk speaker", latencies(farBursts.mouthNanos, speaker.earNanos));
                }
            } finally {
                if (writer != null) {
                    writer.stop();
                }
            }
        }
        System.out.println("load average at end: " + Load.now());
        System.exit(0);
    }

    private static List<Double> latencies(List<Long> mouths, List<Long> ears) {
        List<Double> out = new ArrayList<>();
        for (long ear : ears) {
            long mouth = mouths.stream().filter(m -> m <= ear).mapToLong(Long::longValue).max().orElse(-1);
            if (mouth > 0 && ear - mouth < 350_000_000L) {
                out.add((ear - mouth) / 1e6);
            }
        }
        return out;
    }

    private static void print(String direction, List<Double> values) {
        Stats s = new Stats(values);
        System.out.printf(Locale.ROOT, "%-28s | %4d | %6.1f | %6.1f | %6.1f | %6.1f%n", direction, s.count(),
                s.percentile(50), s.percentile(95), s.max(), s.mean());
    }

    /** Writes the microphone in real time: silence, and a burst every 400 ms once armed. */
    private static final class MicrophoneWriter {
        final List<Long> mouthNanos = new CopyOnWriteArrayList<>();
        private final OutputStream out;
        private final BurstSource bursts;
        private final Thread thread;
        private volatile boolean running = true;
        volatile long blockedNanos;

        MicrophoneWriter(OutputStream out, int count) {
            this.out = out;
            this.bursts = new BurstSource(BURST_PERIOD_FRAMES, BURST_FRAMES, count);
            this.thread = new Thread(this::run, "mic-writer");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void arm() {
            bursts.arm();
        }

        boolean done() {
            return bursts.done();
        }

        void stop() {
            running = false;
        }

        private void run() {
            short[] frame = new short[Pcm.FRAME_SAMPLES];
            byte[] bytes = new byte[frame.length * 2];
            long period = Pcm.FRAME_MILLIS * 1_000_000L;
            long next = System.nanoTime();
            int seen = 0;
            try {
                while (running) {
                    bursts.read(frame);
                    Pcm.toBytes(frame, frame.length, bytes);
                    long before = System.nanoTime();
                    out.write(bytes);
                    out.flush();
                    blockedNanos += System.nanoTime() - before;
                    if (bursts.mouthNanos.size() > seen) {
                        seen = bursts.mouthNanos.size();
                        mouthNanos.add(System.nanoTime()); // written now: the sound server has it from here
                    }
                    next += period;
                    long now;
                    while ((now = System.nanoTime()) < next) {
                        LockSupport.parkNanos(next - now); // real-time pacing, not synchronisation
                    }
                }
            } catch (IOException e) {
                System.out.println("microphone pipe closed: " + e.getMessage());
            }
        }
    }

    /** Detects burst onsets in what the speaker sink plays. */
    private static final class SpeakerListener {
        final List<Long> earNanos = new CopyOnWriteArrayList<>();
        private Process parec;
        private Thread thread;

        void start() throws IOException {
            parec = new ProcessBuilder("parec", "-d", "spk.monitor", "--format=s16le", "--rate=48000", "--channels=1",
                    "--latency-msec=5").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            thread = new Thread(this::run, "speaker-listener");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            byte[] chunk = new byte[480]; // 5 ms
            long quiet = QUIET_SAMPLES;
            try (InputStream in = parec.getInputStream()) {
                int n;
                while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                    long readAt = System.nanoTime();
                    int samples = n / 2;
                    for (int i = 0; i < samples; i++) {
                        int s = (short) ((chunk[2 * i] & 0xff) | (chunk[2 * i + 1] << 8));
                        if (Math.abs(s) > THRESHOLD) {
                            if (quiet >= QUIET_SAMPLES) {
                                earNanos.add(readAt - (samples - i) * 1_000_000_000L / Pcm.SAMPLE_RATE);
                            }
                            quiet = 0;
                        } else {
                            quiet++;
                        }
                    }
                }
            } catch (IOException e) {
                // parec ended
            }
        }

        void stop() throws InterruptedException {
            parec.destroy();
            parec.waitFor(5, TimeUnit.SECONDS);
        }
    }

}
