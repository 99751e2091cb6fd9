package chat.free4.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newest crash report (ours or the JVM's hs_err) is offered once; older ones and other files never. */
class CrashReportsTest {
    @TempDir
    Path dir;

    @Test
    void theNewestReportIsOfferedOnceAndANewerOneAgain() throws Exception {
        CrashReports reports = new CrashReports(dir);
        assertEquals(Optional.empty(), reports.unoffered());
        file("free4chat.log", 5_000);
        file("crash-notes.md", 6_000);
        Path older = file("crash-20261201-101010-000.txt", 1_000);
        Path newer = file("hs_err_pid4242.log", 2_000);
        assertEquals(Optional.empty(), new CrashReports(dir.resolve("absent")).unoffered());

        assertEquals(Optional.of(newer), reports.unoffered());
        reports.offered(newer);
        assertEquals(Optional.empty(), reports.unoffered(), "offered once");
        assertEquals(Optional.empty(), new CrashReports(dir).unoffered(), "also at the next start");

        Path later = CrashReport.write(dir, "1", Thread.currentThread(), new RuntimeException(), Instant.now());
        assertEquals(Optional.of(later), reports.unoffered());
        reports.offered(later);
        reports.offered(older); // noting an older one does not bring the newer back
        assertEquals(Optional.empty(), reports.unoffered());
    }

    private Path file(String name, long millis) throws Exception {
        Path f = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(f, FileTime.fromMillis(millis));
        return f;
    }
}
