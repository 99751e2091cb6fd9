package chat.free4.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The command line prints its own sentences; library logs stay out of the way unless asked for. */
final class Logs {
    private Logs() {
    }

    static void quiet() {
        level(Level.ERROR);
    }

    static void verbose() {
        level(Level.INFO);
    }

    private static void level(Level level) {
        // The app's own loggers have their own level (AppLogConfigurator), so both are set.
        for (String name : new String[] {org.slf4j.Logger.ROOT_LOGGER_NAME, "chat.free4"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(level);
            }
        }
    }
}
