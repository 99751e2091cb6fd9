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
public final class PrivatePulseServer extends TestSoundServer {
    private static final String PACKAGES = "pulseaudio, pulseaudio-utils";
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
        requireTool("pulseaudio", PACKAGES);
        requireTool("pactl", PACKAGES);
        requireTool("parec", PACKAGES);
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

    public Path directory() {
        return dir;
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
