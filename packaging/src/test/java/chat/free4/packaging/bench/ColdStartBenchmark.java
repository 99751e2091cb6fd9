package chat.free4.packaging.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold start of the installed launcher: process start until its window is mapped and viewable on
 * the X display (seen in xev's event stream), for a first start (name prompt) and for a returning user
 * (lobby), and process start until `--version` has exited.
 * All runs share one new, empty home directory and each gets a new config dir: run 1 also pays
 * JavaFX's one-time native-library extraction into the home, later runs show the steady state.
 *
 * The app runs offline (see {@link #OFFLINE}).
 *
 * <pre>xvfb-run -a java -cp packaging/target/test-classes chat.free4.packaging.bench.ColdStartBenchmark \
 *     ROOT/opt/free4chat/bin/free4chat 5</pre>
 */
public final class ColdStartBenchmark {
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /**
     * The app runs in a new, empty network namespace: a returning user's lobby starts LAN
     * discovery, whose mDNS must not reach this machine's real network. X still works (Xvfb's
     * socket is a file). Needs root, as the test run has.
     */
    private static final String OFFLINE = "unshare";

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath(); // the app runs in a fresh home directory
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("No DISPLAY: run under xvfb-run -a");
        }
        Path home = Files.createTempDirectory("f4c-bench-home");
        List<Long> window = new ArrayList<>();
        List<Long> returning = new ArrayList<>();
        List<Long> version = new ArrayList<>();
        try (WindowMapWatcher maps = WindowMapWatcher.start()) {
            for (int i = 0; i < runs; i++) {
                window.add(toWindow(maps, launcher, home, Files.createTempDirectory("f4c-bench-config")));
                returning.add(toWindow(maps, launcher, home, returningUser()));
                version.add(toVersionExit(launcher, home));
                System.out.printf("run %d: window shown %d ms (first start) / %d ms (returning user), --version %d ms%n",
                        i + 1, window.get(i), returning.get(i), version.get(i));
            }
        }
        System.out.printf("window shown, first start:    first %d ms, median of the rest %d ms%n", window.get(0), median(window.subList(1, runs)));
        System.out.printf("window shown, returning user: median %d ms%n", median(returning));
        System.out.printf("--version:    first %d ms, median of the rest %d ms%n", version.get(0), median(version.subList(1, runs)));
        deleteRecursively(home);
    }

    private static long toWindow(WindowMapWatcher maps, Path launcher, Path home, Path configDir) throws Exception {
        maps.forget();
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(OFFLINE, "--net", launcher.toString(), "--config-dir", configDir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .directory(home.toFile());
        useHome(builder, home);
        Process app = builder.start();
        try {
            return TimeUnit.NANOSECONDS.toMillis(maps.nextMap(app, TIMEOUT_NANOS) - start);
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
            deleteRecursively(configDir);
        }
    }

    /** A config dir with a display name: the app opens on the lobby (and starts LAN discovery). */
    private static Path returningUser() throws IOException {
        Path dir = Files.createTempDirectory("f4c-bench-config");
        Files.writeString(dir.resolve("settings.json"), "{\"displayName\": \"bench\"}");
        return dir;
    }

    private static long toVersionExit(Path launcher, Path home) throws Exception {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(OFFLINE, "--net", launcher.toString(), "--version").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        useHome(builder, home);
        Process p = builder.start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("--version failed");
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /**
     * user.home comes from the passwd entry, not $HOME, so the JVM gets it as an option; jpackage's
     * launcher ignores JDK_JAVA_OPTIONS but the JVM itself reads JAVA_TOOL_OPTIONS.
     */
    private static void useHome(ProcessBuilder builder, Path home) {
        builder.environment().put("HOME", home.toString());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
