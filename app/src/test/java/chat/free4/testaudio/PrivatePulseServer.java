package chat.free4.testaudio;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PulseAudio server of the test's own: null sinks as speakers, sine or pipe sources as
 * microphones, nothing played on real hardware. It listens on the socket that the test JVM's
 * {@code PULSE_SERVER} names (set by the build, see app/pom.xml), so code under test connects to
 * it exactly as the desktop app connects to a user's sound server. Without Debian's
 * {@code pulseaudio} the tests are skipped with the reason, except in CI (CI=true), where they fail.
 */
public final class PrivatePulseServer implements AutoCloseable {
    private final Path dir;
    private final Process process;

    private PrivatePulseServer(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /**
     * Starts a server with the given module lines (e.g. {@code load-module module-null-sink
     * sink_name=spk rate=48000}) and default sink and source.
     */
    public static PrivatePulseServer start(List<String> modules, String defaultSink, String defaultSource) {
        String server = System.getenv("PULSE_SERVER");
        requireTool("pulseaudio");
        requireTool("pactl");
        requireTool("parec");
        if (server == null || !server.startsWith("unix:")) {
            throw new IllegalStateException("PULSE_SERVER is not set to a unix socket for the test JVM (see app/pom.xml)");
        }
        Path socket = Path.of(server.substring("unix:".length()));
        try {
            Path dir = socket.getParent();
            Files.createDirectories(dir);
            Files.deleteIfExists(socket);
            Path runtime = Files.createDirectories(dir.resolve("runtime"));
            List<String> lines = new ArrayList<>(modules);
            lines.add("load-module module-native-protocol-unix auth-anonymous=1 socket=" + socket);
            lines.add("set-default-sink " + defaultSink);
            lines.add("set-default-source " + defaultSource);
            Files.deleteIfExists(dir.resolve("pulseaudio.log"));
            Path script = dir.resolve("test.pa");
            Files.write(script, lines);
            ProcessBuilder builder = new ProcessBuilder("pulseaudio", "-n", "-F", script.toString(),
                    "--exit-idle-time=-1", "--daemonize=no", "--system=false", "--disallow-exit",
                    "--log-target=file:" + dir.resolve("pulseaudio.log"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pulseaudio.out").toFile());
            builder.environment().put("PULSE_RUNTIME_PATH", runtime.toString());
            builder.environment().put("HOME", dir.toString());
            Process process = builder.start();
            PrivatePulseServer pulse = new PrivatePulseServer(dir, process);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !process.isAlive() || pulse.answers());
            if (!process.isAlive()) {
                throw new IllegalStateException("pulseaudio did not start: " + Files.readString(dir.resolve("pulseaudio.out")));
            }
            pulse.requireModulesLoaded(defaultSink, defaultSource);
            return pulse;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a test sound server", e);
        }
    }

    private static void requireTool(String tool) {
        boolean found = List.of("/usr/bin/", "/bin/", "/usr/local/bin/").stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d + tool)));
        if (!found) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(tool + " is missing: CI must install pulseaudio and pulseaudio-utils");
            }
            Assumptions.abort(tool + " is not installed (Debian: pulseaudio, pulseaudio-utils); the sound-server tests need it");
        }
    }

    /**
     * pulseaudio keeps running when a module of its script fails (e.g. a pipe source whose file
     * already exists), and would then give the tests its fallback devices instead of theirs.
     */
    private void requireModulesLoaded(String defaultSink, String defaultSource) throws IOException {
        String problems = Files.readAllLines(dir.resolve("pulseaudio.log")).stream()
                .filter(l -> l.contains("Failed to load module") || l.contains("does not exist"))
                .collect(java.util.stream.Collectors.joining("\n"));
        String sink = pactl("get-default-sink").trim();
        String source = pactl("get-default-source").trim();
        if (!problems.isEmpty() || !sink.equals(defaultSink) || !source.equals(defaultSource)) {
            close();
            throw new IllegalStateException("The test sound server did not set up its devices (default sink " + sink
                    + ", source " + source + "): " + problems);
        }
    }

    private boolean answers() {
        try {
            pactl("info");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The server's process id (benchmarks count its CPU). */
    public long pid() {
        return process.pid();
    }

    /** Runs {@code pactl ARGS} against this server; returns its output. */
    public String pactl(String... args) {
        List<String> command = new ArrayList<>(List.of("pactl"));
        command.addAll(List.of(args));
        return run(command, Duration.ofSeconds(10));
    }

    /** Loads a module while running; returns its index for {@link #unloadModule}. */
    public String loadModule(String... args) {
        List<String> all = new ArrayList<>(List.of("load-module"));
        all.addAll(List.of(args));
        return pactl(all.toArray(String[]::new)).strip();
    }

    public void unloadModule(String index) {
        pactl("unload-module", index);
    }

    /** Records {@code seconds} of a source (e.g. {@code spk.monitor}) as 48 kHz mono samples. */
    public short[] record(String source, double seconds) {
        int bytes = (int) (seconds * 48_000) * 2;
        try {
            Process p = new ProcessBuilder("parec", "-d", source, "--format=s16le", "--rate=48000", "--channels=1",
                    "--latency-msec=10").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] data;
            try (InputStream in = p.getInputStream()) {
                data = in.readNBytes(bytes);
            } finally {
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            short[] samples = new short[data.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
            }
            return samples;
        } catch (IOException e) {
            throw new IllegalStateException("Could not record " + source, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording " + source, e);
        }
    }

    /** How many streams are recording from {@code source} now (e.g. a {@link #record} that has started). */
    public long recordingsOf(String source) {
        String index = pactl("list", "short", "sources").lines().map(l -> l.split("\t"))
                .filter(f -> f.length > 1 && f[1].equals(source)).map(f -> f[0]).findFirst().orElse("?");
        return pactl("list", "short", "source-outputs").lines().map(l -> l.split("\t"))
                .filter(f -> f.length > 1 && f[1].equals(index)).count();
    }

    public Path directory() {
        return dir;
    }

    private static String run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
