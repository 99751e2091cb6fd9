package chat.free4.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppOptionsTest {

    @Test
    void desktopOptionsAreParsedWithOrWithoutEqualsSigns() {
        AppOptions options = AppOptions.parse(List.of("--relay=ws://relay.test:8443/v1", "--config-dir", "/tmp/f4c"));
        assertEquals(Optional.of("ws://relay.test:8443/v1"), options.relay());
        assertEquals(Optional.of(Path.of("/tmp/f4c")), options.configDir());
        assertFalse(options.exitAfterStart());
    }

    @Test
    void exitAfterStartIsAFlagAndStartsTheDesktopApp() {
        String[] args = {"--exit-after-start", "--config-dir", "/tmp/f4c"};
        assertTrue(AppOptions.isForDesktop(args));
        AppOptions options = AppOptions.parse(List.of(args));
        assertTrue(options.exitAfterStart());
        assertEquals(Optional.of(Path.of("/tmp/f4c")), options.configDir());
    }

    @Test
    void commandsAreForTheCommandLinePeer() {
        assertFalse(AppOptions.isForDesktop(new String[] {"join", "--lan"}));
        assertFalse(AppOptions.isForDesktop(new String[] {"--version"}));
        assertTrue(AppOptions.isForDesktop(new String[0]));
    }

    @Test
    void badValuesAreExplained() {
        IllegalArgumentException noScheme = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--relay", "relay.test")));
        assertTrue(noScheme.getMessage().contains("ws://"), noScheme.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--config-dir")));
        assertTrue(missing.getMessage().contains("needs a value"), missing.getMessage());
    }

    @Test
    void aShortcutOrInviteOpensTheAppStraightIntoARoom() {
        String[] args = {"--name", "Ada", "--room", "kitchen", "--relay", "ws://relay.test:8443/v1"};
        assertTrue(AppOptions.isForDesktop(args));
        AppOptions options = AppOptions.parse(List.of(args));
        assertEquals(Optional.of("Ada"), options.name());
        assertEquals(Optional.of("kitchen"), options.room());
        assertFalse(options.lan());
        AppOptions lan = AppOptions.parse(List.of("--lan", "--room=kitchen"));
        assertTrue(AppOptions.isForDesktop(new String[] {"--lan", "--room=kitchen"}));
        assertTrue(lan.lan());
        assertEquals(Optional.of("kitchen"), lan.room());
    }

    @Test
    void roomAndNameOptionsAreChecked() {
        IllegalArgumentException lanAlone = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--lan")));
        assertTrue(lanAlone.getMessage().contains("--room"), lanAlone.getMessage());
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--name", "ev\u202Eil")));
        assertTrue(hidden.getMessage().contains("visible characters"), hidden.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--room", "x".repeat(65))));
    }
}
