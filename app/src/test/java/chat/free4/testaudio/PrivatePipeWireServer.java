package chat.free4.testaudio;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private PipeWire, as current desktops run it: {@code pipewire}, the {@code wireplumber}
 * session manager (which needs a D-Bus session bus, so a private one is started too) and
 * {@code pipewire-pulse}, whose Pulse socket is put where {@code PULSE_SERVER} points, so the
 * desktop app reaches it exactly as it reaches a user's. PipeWire's Pulse server has no sine
 * source; tests load null sinks and pipe sources with {@link #loadModule}. Without Debian's
 * packages the tests are skipped with the reason, except in CI (CI=true), where they fail.
 */
public final class PrivatePipeWireServer extends TestSoundServer {
    private static final String PACKAGES = "pipewire, pipewire-pulse, wireplumber, dbus, pulseaudio-utils";
    private final Path dir;
    private final List<Process> processes;

    private PrivatePipeWireServer(Path dir, List<Process> processes) {
        this.dir = dir;
        this.processes = processes;
    }

    public static PrivatePipeWireServer start() {
        for (String tool : List.of("pipewire", "pipewire-pulse", "wireplumber", "dbus-daemon", "pactl", "parec")) {
            requireTool(tool, PACKAGES);
        }
        String server = System.getenv("PULSE_SERVER");
        if (server == null || !server.startsWith("unix:")) {
            throw new IllegalStateException("PULSE_SERVER is not set to a unix socket for the test JVM (see app/pom.xml)");
        }
        Path socket = Path.of(server.substring("unix:".length()));
        Path dir = socket.getParent();
        List<Process> started = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(socket);
            Path runtime = fresh(dir.resolve("pw-runtime"));
            Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
            Path config = fresh(dir.resolve("pw-config"));
            Path dropIn = Files.createDirectories(config.resolve("pipewire/pipewire-pulse.conf.d"));
            Files.writeString(dropIn.resolve("test-socket.conf"),
                    "pulse.properties = {\n    server.address = [ \"unix:" + socket + "\" ]\n}\n");
            Path bus = dir.resolve("pw-bus");
            Files.deleteIfExists(bus);
            // A fresh home and state each time: wireplumber remembers where each program's streams
            // went (restore-stream) and would put the next test's streams there.
            Path home = fresh(dir.resolve("pw-home"));
            Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString(), "XDG_CONFIG_HOME", config.toString(),
                    "XDG_STATE_HOME", fresh(dir.resolve("pw-state")).toString(), "XDG_DATA_HOME", home.resolve("share").toString(),
                    "HOME", home.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=" + bus);
            started.add(launch(dir, env, "dbus", "dbus-daemon", "--session", "--nofork", "--address=unix:path=" + bus));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(bus));
            started.add(launch(dir, env, "pipewire", "pipewire"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(runtime.resolve("pipewire-0")));
            started.add(launch(dir, env, "wireplumber", "wireplumber"));
            started.add(launch(dir, env, "pipewire-pulse", "pipewire-pulse"));
            PrivatePipeWireServer pw = new PrivatePipeWireServer(dir, started);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> started.stream().anyMatch(p -> !p.isAlive()) || pw.answers());
            for (Process p : started) {
                if (!p.isAlive()) {
                    pw.close();
                    throw new IllegalStateException("PipeWire did not start; see " + dir + "/*.log");
                }
            }
            return pw;
        } catch (IOException e) {
            started.forEach(Process::destroy);
            throw new IllegalStateException("Could not start a test PipeWire", e);
        }
    }

    private static Path fresh(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(path);
    }

    private static Process launch(Path dir, Map<String, String> env, String log, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Answers as PipeWire (not some other server left on the socket) once the session manager runs. */
    private boolean answers() {
        try {
            return pactl("info").contains("PipeWire");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Makes {@code sink} and {@code source} the defaults, and checks that the server took them. */
    public void setDefaults(String sink, String source) {
        pactl("set-default-sink", sink);
        pactl("set-default-source", source);
        await().atMost(Duration.ofSeconds(10)).until(() -> pactl("get-default-sink").strip().equals(sink)
                && pactl("get-default-source").strip().equals(source));
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
