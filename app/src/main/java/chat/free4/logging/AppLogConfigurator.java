package chat.free4.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The app's logging, set up in code: the app's own INFO lines and every library's warnings, on
 * stderr (stdout belongs to the command line's output, which other programs read). In code
 * rather than logback.xml because parsing XML cost half a second of the desktop app's start.
 * {@code -Dlogback.configurationFile=...} still wins (tests and benchmarks use it);
 * {@code -Dfree4chat.log.level=DEBUG} turns up the app's own lines. The desktop app adds its log
 * file on top ({@link LogFile}).
 */
public final class AppLogConfigurator extends ContextAwareBase implements Configurator {
    /** Put in the context when this class configured it: only then may {@link LogFile} add a file. */
    static final String CONFIGURED = "free4chat.configured";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("chat.free4").setLevel(Level.toLevel(System.getProperty("free4chat.log.level"), Level.INFO));
        context.putObject(CONFIGURED, Boolean.TRUE);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
