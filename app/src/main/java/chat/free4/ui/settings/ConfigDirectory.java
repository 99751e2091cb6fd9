package chat.free4.ui.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Finds the per-user configuration directory the way each desktop platform expects it. */
public final class ConfigDirectory {
    /** Overrides the directory, so tests never touch the real user's settings. */
    public static final String OVERRIDE_PROPERTY = "free4chat.configDir";
    private static final String APP_DIR = "free4chat";

    private ConfigDirectory() {
    }

    public static Path resolve() {
        return resolve(System.getProperties().getProperty(OVERRIDE_PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv());
    }

    static Path resolve(String override, String osName, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming");
            return base.resolve(APP_DIR);
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", APP_DIR);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve(APP_DIR);
    }
}
