package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Writes the runtime image's default class-data archive, so every start maps pre-parsed JDK and
 * JavaFX classes instead of loading them one by one. Built from the start-up training's class
 * list when there is one (the JDK's own list otherwise). Classes from the app's jars are skipped
 * here: Java 17 would tie them to this build machine's paths and then refuse the whole archive.
 */
final class RuntimeClassArchive {
    private static final long TIMEOUT_SECONDS = 300;

    /** Only an optimisation: a runtime without the archive works, so a failure is a warning. */
    void write(Path runtime, Optional<Path> classList, Path work) {
        Path archive = RuntimeLayout.defaultClassArchive(runtime);
        Path partial = archive.resolveSibling("classes.jsa.new");
        Path log = work.resolve("class-archive.log");
        List<String> command = new ArrayList<>(List.of(RuntimeLayout.java(runtime).toString(), "-Xshare:dump",
                "-XX:SharedArchiveFile=" + partial));
        classList.ifPresent(list -> command.add("-XX:SharedClassListFile=" + list));
        BuildLog.info("class-data archive: " + String.join(" ", command));
        try {
            Files.createDirectories(work);
            Process dump = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!dump.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                dump.destroyForcibly().waitFor();
                skipped("took over " + TIMEOUT_SECONDS + " s", log, partial);
                return;
            }
            if (dump.exitValue() != 0 || !Files.isRegularFile(partial)) {
                skipped("failed (exit " + dump.exitValue() + ")", log, partial);
                return;
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the class-data archive " + archive, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the class-data archive", e);
        }
    }

    private static void skipped(String why, Path log, Path partial) throws IOException {
        Files.deleteIfExists(partial);
        BuildLog.info("WARNING: the class-data archive " + why + "; the runtime ships without one. Its last lines:\n"
                + BuildLog.tail(log, 40));
    }
}
