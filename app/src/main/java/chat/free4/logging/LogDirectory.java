package chat.free4.logging;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desktop app keeps its log and crash reports: the per-user log directory each platform
 * expects (logs are state, not settings, so not beside the config on Linux).
 */
public final class LogDirectory {
    /** Overrides the directory, so tests never write into the real user's logs. */
    public static final String OVERRIDE_PROPERTY = "free4chat.log.dir";
    private static final String APP_DIR = "free4chat";

    private LogDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getProperty(OVERRIDE_PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv());
    }

    static Path resolve(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve(APP_DIR).resolve("logs");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Logs", APP_DIR);
        }
        String state = env.get("XDG_STATE_HOME");
        // The XDG spec ignores a relative XDG_STATE_HOME.
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state) : Path.of(home, ".local", "state");
        return base.resolve(APP_DIR).resolve("logs");
    }
}
