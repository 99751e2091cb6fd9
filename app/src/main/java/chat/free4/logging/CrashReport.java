package chat.free4.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Writes one crash report: when, which version on which system and Java, which thread, and the
 * stack trace. Exception messages are left out (only their classes and frames are written): a
 * message can quote what was being handled (a chat line, a parsed frame), and the report is a
 * file people attach to bug reports.
 */
public final class CrashReport {
    public static final String PREFIX = "crash-";
    public static final String SUFFIX = ".txt";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private CrashReport() {
    }

    /** Writes the report into {@code directory} (made if needed) and returns its file. */
    public static Path write(Path directory, String appVersion, Thread thread, Throwable crash, Instant when)
            throws IOException {
        Files.createDirectories(directory);
        String text = text(appVersion, thread, crash, when);
        Path file = directory.resolve(PREFIX + FILE_TIME.format(when) + SUFFIX);
        for (int n = 2; Files.exists(file); n++) {
            file = directory.resolve(PREFIX + FILE_TIME.format(when) + "-" + n + SUFFIX);
        }
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String text(String appVersion, Thread thread, Throwable crash, Instant when) {
        StringBuilder out = new StringBuilder();
        out.append("free4chat crash report\n");
        out.append("Time: ").append(DateTimeFormatter.ISO_INSTANT.format(when)).append('\n');
        out.append("Version: ").append(appVersion).append('\n');
        out.append("OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n");
        out.append("Java: ").append(System.getProperty("java.runtime.version", System.getProperty("java.version")))
                .append(" (").append(System.getProperty("java.vendor")).append(")\n");
        out.append("Thread: ").append(thread.getName()).append('\n');
        out.append("(exception messages are left out; they can quote what the app was handling)\n\n");
        trace(out, crash, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        return out.toString();
    }

    private static void trace(StringBuilder out, Throwable t, String caption, Set<Throwable> seen) {
        if (!seen.add(t)) {
            out.append(caption).append("[circular reference: ").append(t.getClass().getName()).append("]\n");
            return;
        }
        out.append(caption).append(t.getClass().getName()).append('\n');
        for (StackTraceElement frame : t.getStackTrace()) {
            out.append("\tat ").append(frame).append('\n');
        }
        for (Throwable s : t.getSuppressed()) {
            trace(out, s, "Suppressed: ", seen);
        }
        if (t.getCause() != null) {
            trace(out, t.getCause(), "Caused by: ", seen);
        }
    }
}
