package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.logging.CrashReport;
import chat.free4.logging.LogDirectory;
import chat.free4.ui.diagnostics.FileOpener;
import chat.free4.ui.i18n.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real UI (Monocle): Settings' "Open logs folder" asks the desktop to open the log
 * folder; a crash report left by the last run is offered once at the next start ("Show report"
 * opens it), not at the start after, and a newer crash (the JVM's hs_err) is offered again.
 * The opener is the test's, so no file manager starts.
 */
class LogsFolderAndCrashOfferTest {
    @TempDir
    Path dir;
    private Path logs;
    private Path configDir;
    private String logDirBefore;
    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void folders() {
        logs = dir.resolve("logs");
        configDir = dir.resolve("config");
        TestSettings.writeFirstRunDone(configDir, "Ada");
        logDirBefore = System.getProperty(LogDirectory.OVERRIDE_PROPERTY);
        System.setProperty(LogDirectory.OVERRIDE_PROPERTY, logs.toString());
    }

    @AfterEach
    void restore() {
        if (logDirBefore == null) {
            System.clearProperty(LogDirectory.OVERRIDE_PROPERTY);
        } else {
            System.setProperty(LogDirectory.OVERRIDE_PROPERTY, logDirBefore);
        }
        Texts.use("");
    }

    @Test
    void openLogsFolderAsksForTheLogFolder() throws Exception {
        try (DesktopAppHarness app = start()) {
            assertFalse(app.exists("#crash-offer"), "no crash, no offer");
            app.robot.clickOn("#nav-settings");
            assertEquals(Texts.get("settings.openLogs"), app.text("#settings-open-logs"));
            app.click("#settings-open-logs");
            await().atMost(Duration.ofSeconds(10)).until(() -> !opened.isEmpty());
            assertEquals(List.of(logs), opened);
            assertTrue(Files.isDirectory(logs), "the folder is made before it is opened");
        }
    }

    @Test
    void aCrashIsOfferedOnceAndShowOpensItsReport() throws Exception {
        Path report = CrashReport.write(logs, "test", Thread.currentThread(), new IllegalStateException(), Instant.now());
        try (DesktopAppHarness app = start()) {
            assertTrue(app.exists("#crash-offer"), "the crash of the last run is offered");
            assertEquals(Texts.get("crash.offer"), app.text("#crash-offer-text"));
            assertEquals(Texts.get("crash.show"), app.text("#crash-show"));
            assertEquals(Texts.get("crash.dismiss"), app.text("#crash-dismiss"));
            app.click("#crash-show");
            await().atMost(Duration.ofSeconds(10)).until(() -> !opened.isEmpty());
            assertEquals(List.of(report), opened);
            assertFalse(app.exists("#crash-offer"), "the offer goes once it is answered");
        }
        try (DesktopAppHarness app = start()) {
            assertTrue(app.exists("#lobby"));
            assertFalse(app.exists("#crash-offer"), "offered once, not at every start");
        }

        Path nativeCrash = Files.writeString(logs.resolve("hs_err_pid4242.log"), "# A fatal error has been detected");
        Files.setLastModifiedTime(nativeCrash,
                FileTime.fromMillis(Files.getLastModifiedTime(report).toMillis() + 10_000));
        try (DesktopAppHarness app = start()) {
            assertTrue(app.exists("#crash-offer"), "a newer (native) crash is offered");
            app.click("#crash-dismiss");
            assertFalse(app.exists("#crash-offer"));
            assertEquals(List.of(report), opened, "Dismiss opens nothing");
        }
        try (DesktopAppHarness app = start()) {
            assertTrue(app.exists("#lobby"));
            assertFalse(app.exists("#crash-offer"), "a dismissed offer is not made again");
        }
    }

    private DesktopAppHarness start() throws Exception {
        FileOpener recording = opened::add;
        return DesktopAppHarness.start(() -> {
            DesktopApp app = new DesktopApp(new AppOptions(Optional.empty(), Optional.of(configDir)));
            app.useFileOpener(recording);
            return app;
        });
    }
}
