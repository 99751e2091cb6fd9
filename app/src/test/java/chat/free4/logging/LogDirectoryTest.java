package chat.free4.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log folder each platform expects, and the override tests use. */
class LogDirectoryTest {
    @Test
    void linuxUsesXdgStateHomeOrItsDefault() {
        assertEquals(Path.of("/home/ada/.local/state/free4chat/logs"),
                LogDirectory.resolve(null, "Linux", "/home/ada", Map.of()));
        assertEquals(Path.of("/var/ada-state/free4chat/logs"),
                LogDirectory.resolve(null, "Linux", "/home/ada", Map.of("XDG_STATE_HOME", "/var/ada-state")));
        // The XDG spec: a relative (or empty) value is ignored.
        assertEquals(Path.of("/home/ada/.local/state/free4chat/logs"),
                LogDirectory.resolve(null, "Linux", "/home/ada", Map.of("XDG_STATE_HOME", "state")));
        assertEquals(Path.of("/home/ada/.local/state/free4chat/logs"),
                LogDirectory.resolve(null, "Linux", "/home/ada", Map.of("XDG_STATE_HOME", " ")));
    }

    @Test
    void macOsUsesLibraryLogs() {
        assertEquals(Path.of("/Users/ada/Library/Logs/free4chat"),
                LogDirectory.resolve(null, "Mac OS X", "/Users/ada", Map.of("XDG_STATE_HOME", "/elsewhere")));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertEquals(Path.of("C:\\Users\\ada\\AppData\\Local", "free4chat", "logs"),
                LogDirectory.resolve(null, "Windows 11", "C:\\Users\\ada", Map.of("LOCALAPPDATA", "C:\\Users\\ada\\AppData\\Local")));
        assertEquals(Path.of("C:\\Users\\ada", "AppData", "Local", "free4chat", "logs"),
                LogDirectory.resolve(null, "Windows 11", "C:\\Users\\ada", Map.of()));
    }

    @Test
    void thePropertyWinsEverywhere() {
        assertEquals(Path.of("/tmp/t/logs"), LogDirectory.resolve("/tmp/t/logs", "Linux", "/home/ada",
                Map.of("XDG_STATE_HOME", "/var/ada-state")));
        assertEquals(Path.of("/tmp/t/logs"), LogDirectory.resolve("/tmp/t/logs", "Windows 10", "C:\\", Map.of()));
    }
}
