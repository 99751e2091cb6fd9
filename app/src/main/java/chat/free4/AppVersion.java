package chat.free4;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made from (the Maven project version). */
public final class AppVersion {
    private AppVersion() {
    }

    public static String get() {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
