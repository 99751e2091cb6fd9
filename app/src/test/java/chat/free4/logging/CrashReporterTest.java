package chat.free4.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uncaught exception in a thread writes a crash report (time, version, OS, Java, thread, stack;
 * no exception message) and is handed on to the handler installed before. The handler under the
 * reporter is this test's own, so the JVM's (or TestFX's) is never reached and is restored after.
 */
class CrashReporterTest {
    private static final String SECRET = "chat text kumquat-7731 must not be reported";
    @TempDir
    Path dir;
    private Thread.UncaughtExceptionHandler original;

    @BeforeEach
    void keepTheOriginal() {
        original = Thread.getDefaultUncaughtExceptionHandler();
    }

    @AfterEach
    void restoreTheOriginal() {
        Thread.setDefaultUncaughtExceptionHandler(original);
    }

    @Test
    void anUncaughtExceptionLeavesAReportAndIsHandedOn() throws Exception {
        CompletableFuture<Throwable> handedOn = new CompletableFuture<>();
        Thread.UncaughtExceptionHandler below = (t, e) -> handedOn.complete(e);
        Thread.setDefaultUncaughtExceptionHandler(below);
        CrashReporter reporter = CrashReporter.install(dir, "9.8.7-test");
        assertSame(reporter, Thread.getDefaultUncaughtExceptionHandler());
        assertSame(below, reporter.next());
        assertSame(reporter, CrashReporter.install(dir, "9.8.7-test"), "installed once, not chained to itself");

        Thread worker = new Thread(CrashReporterTest::explode, "room-worker-42");
        worker.start();
        worker.join(10_000);

        Throwable crash = handedOn.get(10, TimeUnit.SECONDS);
        assertTrue(crash instanceof IllegalStateException && SECRET.equals(crash.getMessage()),
                "the handler installed before gets the crash itself: " + crash);
        List<Path> reports;
        try (Stream<Path> files = Files.list(dir)) {
            reports = files.toList();
        }
        assertEquals(1, reports.size(), reports.toString());
        String name = reports.get(0).getFileName().toString();
        assertTrue(name.startsWith("crash-") && name.endsWith(".txt"), name);
        String report = Files.readString(reports.get(0));
        assertTrue(report.contains("Version: 9.8.7-test"), report);
        assertTrue(report.contains("Thread: room-worker-42"), report);
        assertTrue(report.contains("OS: " + System.getProperty("os.name")), report);
        assertTrue(report.contains("Java: " + System.getProperty("java.runtime.version")), report);
        assertTrue(report.matches("(?s).*Time: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z\n.*"), report);
        assertTrue(report.contains("java.lang.IllegalStateException"), report);
        assertTrue(report.contains("Caused by: java.io.IOException"), report);
        assertTrue(report.contains("at chat.free4.logging.CrashReporterTest.explode(CrashReporterTest.java"), report);
        assertFalse(report.contains("kumquat-7731"), "the exception's message stays out of the report:\n" + report);
    }

    @Test
    void withoutAHandlerBeforeItTheCrashIsPrintedAsJavaDoes() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream realErr = System.err;
        CrashReporter reporter = new CrashReporter(dir, "1", null, java.time.Clock.systemUTC());
        System.setErr(new java.io.PrintStream(err, true));
        try {
            reporter.uncaughtException(Thread.currentThread(), new UnsupportedOperationException("printed"));
        } finally {
            System.setErr(realErr);
        }
        assertTrue(err.toString().contains("Exception in thread \"" + Thread.currentThread().getName() + "\" "
                + "java.lang.UnsupportedOperationException: printed"), err.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    private static void explode() {
        throw new IllegalStateException(SECRET, new java.io.IOException("cause: " + SECRET));
    }
}
