package chat.free4.packaging;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged app once, the way a returning user does (lobby window, drawn, then quit
 * before any network starts), and records the classes it loads. That list decides what the
 * class-data archives hold.
 */
final class StartupTrainingRun {
    private static final long TIMEOUT_SECONDS = 180;

    /** The recorded class list, or empty when the app could not be shown here (reason logged). */
    Optional<Path> record(Path runtime, Path appJars, Path work) {
        Optional<List<String>> display = displayPrefix();
        if (display.isEmpty()) {
            BuildLog.info("no display and no xvfb-run: start-up classes not recorded, so the runtime keeps "
                    + "only the JDK's default class archive");
            return Optional.empty();
        }
        Path dir = work.resolve("training");
        Files2.deleteRecursively(dir);
        Path classList = dir.resolve("startup.classlist");
        Path log = dir.resolve("training.log");
        try {
            Path config = Files.createDirectories(dir.resolve("config"));
            Files.createDirectories(dir.resolve("home"));
            Files.writeString(config.resolve("settings.json"), "{\"displayName\": \"build\"}");
            List<String> command = new ArrayList<>(display.get());
            command.addAll(List.of(RuntimeLayout.java(runtime).toString(),
                    "-XX:DumpLoadedClassList=" + classList,
                    "-Duser.home=" + dir.resolve("home"),
                    "-cp", appJars + File.separator + "*",
                    AppIdentity.MAIN_CLASS, "--config-dir", config.toString(), "--exit-after-start"));
            BuildLog.info("recording start-up classes: " + String.join(" ", command));
            Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!app.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                app.descendants().forEach(ProcessHandle::destroyForcibly); // xvfb-run's Xvfb and java
                app.destroyForcibly().waitFor();
                return failed("did not quit within " + TIMEOUT_SECONDS + " s", log);
            }
            if (app.exitValue() != 0 || !Files.isRegularFile(classList)) {
                return failed("exited with " + app.exitValue(), log);
            }
            return Optional.of(classList);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the start-up training in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording start-up classes", e);
        }
    }

    /**
     * Only an optimisation, so the build goes on (with the JDK's own class list). Where the app
     * really cannot start, the installed-package tests fail on it with a clearer message.
     */
    private static Optional<Path> failed(String why, Path log) throws IOException {
        BuildLog.info("WARNING: the start-up training run " + why + "; the runtime gets only the JDK's default "
                + "class archive. Its last lines:\n" + BuildLog.tail(log, 40));
        return Optional.empty();
    }

    /** Linux needs an X display; a build machine without one gets a virtual one from xvfb-run. */
    private static Optional<List<String>> displayPrefix() {
        if (Platform.current() != Platform.LINUX || System.getenv("DISPLAY") != null) {
            return Optional.of(List.of());
        }
        return Files2.onPath("xvfb-run") ? Optional.of(List.of("xvfb-run", "-a")) : Optional.empty();
    }
}
