package chat.free4.bench;

import static org.awaitility.Awaitility.await;

import chat.free4.audio.Goertzel;
import chat.free4.audio.PcmSource;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.testaudio.PipeMicrophone;
import chat.free4.testaudio.PrivatePulseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * CPU of the desktop app (its own process, window under Xvfb, sound through a private PulseAudio
 * server) in a room of four: the app and three headless peers on a relay on loopback. Five
 * windows: nobody talks (silence into the app's microphone, a pipe source fed in real time, and
 * from the peers), the app's person talks (a 660 Hz {@link SyllableVoice}), another person talks
 * (one peer, 440 Hz), all four talk, nobody talks again (the first idle window still holds some
 * start-up work). For each: CPU of the app's process (all threads, plus its
 * {@code pactl} children) in % of one core, its resident memory, and the sound server's and the X
 * server's CPU, which the app causes too. Each talking window also prints what was heard, so a
 * figure never comes from a call that carried no sound.
 * <p>
 * Run (in the benchmarks' own network namespace; the sound server is started on the socket
 * {@code PULSE_SERVER} names): {@code PULSE_SERVER=unix:/tmp/f4c-bench-pulse/native
 * app/src/test/netns/run-benchmark DesktopRoomCpuBenchmark [window seconds] [on|off]}.
 */
public final class DesktopRoomCpuBenchmark {
    private static final double MIC_TONE = 660;
    private static final double PEER_TONE = 440;
    private static final long TICKS_PER_SECOND = 100; // Linux USER_HZ

    private DesktopRoomCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int window = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean processing = args.length <= 1 || !args[1].equals("off");
        System.out.println("load average at start: " + Load.now());
        Path socket = Path.of(System.getenv("PULSE_SERVER").substring("unix:".length()));
        Path work = Files.createDirectories(socket.getParent());
        List<Process> started = new ArrayList<>();
        List<HeadlessPeer> peers = new ArrayList<>();
        Switch yourVoice = new Switch(new SyllableVoice(MIC_TONE, 0.3));
        try (PrivatePulseServer pulse = PrivatePulseServer.start(List.of(
                "load-module module-null-sink sink_name=spk rate=48000",
                "load-module module-pipe-source source_name=mic file=" + fifo(work) + " format=s16le rate=48000 channels=1"),
                "spk", "mic");
             TestRelay relay = TestRelay.start("127.0.0.1");
             PipeMicrophone mic = new PipeMicrophone(work.resolve("mic.fifo"), yourVoice)) {
            int display = 100 + new java.util.Random().nextInt(800);
            Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-nolisten", "tcp", "-screen", "0", "1280x800x24")
                    .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
            started.add(xvfb);
            await("Xvfb").atMost(Duration.ofSeconds(30)).until(() -> !xvfb.isAlive()
                    || Files.exists(Path.of("/tmp/.X11-unix/X" + display)));

            Path config = Files.createDirectories(work.resolve("config"));
            Files.writeString(config.resolve("settings.json"), "{\"sound\":{\"echoCancellation\":" + processing
                    + ",\"noiseSuppression\":" + processing + ",\"autoGain\":" + processing + "}}");
            ProcessBuilder appBuilder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "chat.free4.Main", "--config-dir", config.toString(),
                    "--name", "Desk", "--room", "four", "--relay", relay.uri().toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile());
            appBuilder.environment().put("DISPLAY", ":" + display);
            Process app = appBuilder.start();
            started.add(app);

            Switch[] voices = new Switch[3];
            for (int i = 0; i < voices.length; i++) {
                voices[i] = new Switch(new SyllableVoice(PEER_TONE, 0.3));
                peers.add(new HeadlessPeer("p" + i, voices[i]).join(relay.uri(), "four"));
            }
            await("everyone connected").atMost(Duration.ofSeconds(90)).until(() -> {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the app ended: " + Files.readString(work.resolve("app.log")));
                }
                return peers.stream().allMatch(p -> p.connectedTo(peers.stream().filter(o -> o != p).toArray(HeadlessPeer[]::new))
                        && p.engine.room().peers().stream().anyMatch(v -> v.name().equals("Desk")
                        && v.status() == PeerConnectionStatus.CONNECTED));
            });
            long pulsePid = pulse.pid();
            // Settle: connections just came up, the JIT is still compiling.
            await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);

            System.out.printf(Locale.ROOT, "cores %d, window %d s, voice processing %s%n",
                    Runtime.getRuntime().availableProcessors(), window, processing ? "on (echo, noise, gain)" : "off");
            System.out.println("window            | app CPU % of a core | app RSS MB | pulseaudio CPU % | Xvfb CPU % | heard");
            measure("nobody talks", app, pulsePid, xvfb, window, () -> "-");

            yourVoice.on = true;
            measure("you talk", app, pulsePid, xvfb, window, () -> heardFromDesk(peers.get(0)) + ", " + microphone(pulse));

            yourVoice.on = false;
            voices[0].on = true;
            measure("another talks", app, pulsePid, xvfb, window, () -> speaker(pulse));

            yourVoice.on = true;
            for (Switch v : voices) {
                v.on = true;
            }
            measure("all four talk", app, pulsePid, xvfb, window, () -> speaker(pulse) + ", " + heardFromDesk(peers.get(1)));

            yourVoice.on = false;
            for (Switch v : voices) {
                v.on = false;
            }
            measure("nobody talks", app, pulsePid, xvfb, window, () -> "-");
        } finally {
            peers.forEach(HeadlessPeer::close);
            for (int i = started.size() - 1; i >= 0; i--) {
                Process p = started.get(i);
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
        System.out.println("load average at end: " + Load.now());
        System.exit(0);
    }

    private static String speaker(PrivatePulseServer pulse) {
        short[] played = pulse.record("spk.monitor", 0.5);
        return String.format(Locale.ROOT, "speaker 440 Hz %.3f", Goertzel.amplitude(played, 0, played.length, PEER_TONE, 48_000));
    }

    private static String microphone(PrivatePulseServer pulse) {
        short[] said = pulse.record("mic", 0.5);
        return String.format(Locale.ROOT, "microphone 660 Hz %.3f", Goertzel.amplitude(said, 0, said.length, MIC_TONE, 48_000));
    }

    /** The peer's mix holds only the app's voice at 660 Hz; the other peers speak at 440 Hz. */
    private static String heardFromDesk(HeadlessPeer peer) {
        return String.format(Locale.ROOT, "peer hears 660 Hz %.3f", peer.hears(MIC_TONE));
    }

    /** Where the pipe source makes its pipe (it refuses to start when the file already exists). */
    private static Path fifo(Path work) throws IOException {
        Path fifo = work.resolve("mic.fifo");
        Files.deleteIfExists(fifo);
        return fifo;
    }

    private static void measure(String name, Process app, long pulsePid, Process xvfb, int seconds,
                                java.util.function.Supplier<String> heard) throws Exception {
        java.util.Map<String, Long> threads0 = threadTicks(app.pid());
        long app0 = ticksWithChildren(app.pid());
        long pulse0 = ticks(pulsePid);
        long x0 = ticks(xvfb.pid());
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L); // a measuring window, not synchronisation
        long app1 = ticksWithChildren(app.pid());
        long pulse1 = ticks(pulsePid);
        long x1 = ticks(xvfb.pid());
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-17s | %19.1f | %10.0f | %16.1f | %10.1f | %s%n", name,
                percent(app1 - app0, elapsed), residentMb(app.pid()), percent(pulse1 - pulse0, elapsed),
                percent(x1 - x0, elapsed), heard.get());
        java.util.Map<String, Long> threads1 = threadTicks(app.pid());
        String busiest = threads1.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), percent(e.getValue(), elapsed)))
                .collect(java.util.stream.Collectors.joining(", "));
        System.out.println("                    busiest threads (% of a core): " + busiest);
    }

    /** CPU ticks per thread name (threads of one name summed), from /proc/PID/task. */
    private static java.util.Map<String, Long> threadTicks(long pid) throws IOException {
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    byName.merge(name, ticks(task.resolve("stat")), Long::sum);
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return byName;
    }

    private static double percent(long ticks, double seconds) {
        return 100.0 * ticks / TICKS_PER_SECOND / seconds;
    }

    /** The process's user + system time, and that of its direct children still running (pactl). */
    private static long ticksWithChildren(long pid) throws IOException {
        long sum = ticks(pid);
        Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
        if (Files.exists(children)) {
            for (String child : Files.readString(children).trim().split("\\s+")) {
                if (!child.isEmpty()) {
                    sum += ticks(Long.parseLong(child));
                }
            }
        }
        return sum;
    }

    private static long ticks(long pid) throws IOException {
        return pid <= 0 ? 0 : ticks(Path.of("/proc/" + pid + "/stat"));
    }

    private static long ticks(Path stat) throws IOException {
        if (!Files.exists(stat)) {
            return 0;
        }
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    private static double residentMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** A peer's voice: its tone while {@code on}, else silence. */
    private static final class Switch implements PcmSource {
        private final PcmSource voice;
        volatile boolean on;

        Switch(PcmSource voice) {
            this.voice = voice;
        }

        @Override
        public void read(short[] frame) {
            if (on) {
                voice.read(frame);
            } else {
                java.util.Arrays.fill(frame, (short) 0);
            }
        }
    }
}
