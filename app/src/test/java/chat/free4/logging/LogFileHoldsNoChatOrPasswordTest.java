package chat.free4.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's log file (written by the real AppLogConfigurator and LogFile, at DEBUG, in a JVM
 * of its own) after two peers chatted in a password room holds the app's lines, and neither the
 * chat text nor the room password.
 */
class LogFileHoldsNoChatOrPasswordTest {
    private static final String PASSWORD = "pw-zebra-quince-5150";
    private static final String TEXT = "meet me at the walrus bakery 8842";

    @TempDir
    Path dir;

    @Test
    void theLogHoldsTheAppsLinesButNoChatTextAndNoPassword() throws Exception {
        Path logs = dir.resolve("logs");
        Path out = dir.resolve("child.out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + LogDirectory.OVERRIDE_PROPERTY + "=" + logs, "-Dfree4chat.log.level=DEBUG",
                "-Djava.awt.headless=true", LogPrivacyScenario.class.getName(), PASSWORD, TEXT)
                .redirectErrorStream(true).redirectOutput(out.toFile()).directory(new File(".")).start();
        try {
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the scenario ended");
        } finally {
            child.destroyForcibly();
        }
        String said = Files.readString(out);
        assertEquals(0, child.exitValue(), said);
        assertTrue(said.contains("scenario done"), said);

        List<Path> files;
        try (Stream<Path> all = Files.list(logs)) {
            files = all.sorted().toList();
        }
        assertTrue(files.contains(logs.resolve(LogFile.NAME)), files.toString());
        StringBuilder logged = new StringBuilder();
        for (Path f : files) {
            logged.append(Files.readString(f, StandardCharsets.UTF_8));
        }
        String log = logged.toString();
        // It is the app's log, at DEBUG, of this very scenario: the password proof ran over the connection.
        assertTrue(log.contains(" DEBUG "), log);
        assertTrue(log.contains("proved the room's password over this connection"), log);
        assertFalse(log.contains("walrus bakery"), "the chat text is in the log:\n" + log);
        assertFalse(log.contains("zebra-quince"), "the room password is in the log:\n" + log);
        // stderr gets the same lines; neither may show there either.
        assertFalse(said.contains("walrus bakery") || said.contains("zebra-quince"), said);
    }
}
