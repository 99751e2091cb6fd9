package chat.free4.packaging;

import java.util.Locale;

/** The desktop OS the installers are being built on (jpackage only builds for its own OS). */
enum Platform {
    LINUX, WINDOWS, MACOS;

    static Platform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return WINDOWS;
        }
        if (os.contains("mac")) {
            return MACOS;
        }
        return LINUX;
    }
}
