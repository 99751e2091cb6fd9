package chat.free4.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * The crash reports left in the log directory (ours, and the JVM's {@code hs_err_pid*.log} of a
 * native crash), and which of them was offered to the person already: the newest report is
 * offered once, at the next start, and never again.
 */
public final class CrashReports {
    /** Holds the modification time (epoch millis) of the newest report offered so far. */
    static final String OFFERED = "last-offered-crash";
    private final Path directory;

    public CrashReports(Path directory) {
        this.directory = directory;
    }

    /** The newest report newer than the last one offered, if there is one. */
    public Optional<Path> unoffered() {
        long offered = lastOffered();
        Path newest = null;
        long newestTime = offered;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, CrashReports::isReport)) {
            for (Path f : files) {
                long t = Files.getLastModifiedTime(f).toMillis();
                if (t > newestTime) {
                    newest = f;
                    newestTime = t;
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // no directory yet: nothing crashed
        }
        return Optional.ofNullable(newest);
    }

    /** Notes {@code report} as offered: neither it nor anything older is offered again. */
    public void offered(Path report) throws IOException {
        FileTime t = Files.getLastModifiedTime(report);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(OFFERED), Long.toString(Math.max(t.toMillis(), lastOffered())),
                StandardCharsets.US_ASCII);
    }

    private long lastOffered() {
        try {
            return Long.parseLong(Files.readString(directory.resolve(OFFERED), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static boolean isReport(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.startsWith(CrashReport.PREFIX) && name.endsWith(CrashReport.SUFFIX)
                || name.startsWith("hs_err_pid") && name.endsWith(".log"));
    }
}
