package chat.free4.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's log file: the same lines as stderr, in {@code free4chat.log} in the log
 * directory, rolled at 2 MB into {@code free4chat.1.log} and {@code free4chat.2.log} (about 6 MB
 * at most). Only added when {@link AppLogConfigurator} configured logging: a
 * {@code -Dlogback.configurationFile} keeps the whole say.
 *
 * <p>The command line ({@code free4chat join}, robots) keeps stderr only: the desktop starts robots
 * as processes of their own and scripts run several at once, and logback's size-based rolling is
 * not safe with two processes on one file; a command's person reads its stderr anyway.
 */
public final class LogFile {
    public static final String NAME = "free4chat.log";
    static final String APPENDER = "file";
    private static final String MAX_SIZE = "2MB";
    private static final int KEPT = 2;

    private LogFile() {
    }

    /** Adds the file to the app's logging (once); returns the file, or empty when it was not added. */
    public static synchronized Optional<Path> attach(Path directory) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || context.getObject(AppLogConfigurator.CONFIGURED) == null) {
            return Optional.empty();
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Path file = directory.resolve(NAME);
        if (root.getAppender(APPENDER) != null) {
            return Optional.of(file);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            LoggerFactory.getLogger(LogFile.class).warn("No log file: the folder {} could not be made ({})", directory,
                    e.toString());
            return Optional.empty();
        }
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(directory.resolve("free4chat.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_SIZE));
        trigger.start();

        // The date too: a log file outlives the day (stderr is read while it is written).
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            return Optional.empty();
        }
        root.addAppender(appender);
        return Optional.of(file);
    }
}
