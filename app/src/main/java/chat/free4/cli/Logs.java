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
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(level);
        }
    }
}
