package chat.free4.logging;

import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default uncaught-exception handler of the desktop app: writes a crash report into the log
 * directory, then hands the exception on to the handler that was there before (or prints it, as
 * Java does without one), so nothing that already watched for crashes loses them.
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CrashReporter.class);
    private final Path directory;
    private final String appVersion;
    private final Thread.UncaughtExceptionHandler next;
    private final Clock clock;

    CrashReporter(Path directory, String appVersion, Thread.UncaughtExceptionHandler next, Clock clock) {
        this.directory = directory;
        this.appVersion = appVersion;
        this.next = next;
        this.clock = clock;
    }

    /** Installs the reporter in front of the handler installed now (if any); returns it. */
    public static synchronized CrashReporter install(Path directory, String appVersion) {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        if (before instanceof CrashReporter already) {
            return already;
        }
        CrashReporter reporter = new CrashReporter(directory, appVersion, before, Clock.systemUTC());
        Thread.setDefaultUncaughtExceptionHandler(reporter);
        return reporter;
    }

    /** The handler this one hands crashes on to; null when there was none. */
    public Thread.UncaughtExceptionHandler next() {
        return next;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable crash) {
        try {
            Path file = CrashReport.write(directory, appVersion, thread, crash, clock.instant());
            LOG.error("Thread {} stopped on an uncaught {}; crash report {}", thread.getName(),
                    crash.getClass().getName(), file);
        } catch (Throwable e) { // a full disk must not hide the crash itself
            LOG.error("Could not write a crash report into {}: {}", directory, e.toString());
        } finally {
            if (next != null) {
                next.uncaughtException(thread, crash);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                crash.printStackTrace(System.err);
            }
        }
    }
}
