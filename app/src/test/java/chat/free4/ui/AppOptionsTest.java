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

    @Test
    void anInviteLinkAsFirstArgumentOpensItsRoom() {
        String link = "free4chat://join?relay=ws%3A%2F%2Frelay.test%3A8443%2Fv1&room=kitchen#s3cret";
        assertTrue(AppOptions.isForDesktop(new String[] {link}));
        AppOptions options = AppOptions.parse(List.of(link, "--config-dir", "/tmp/f4c"));
        assertEquals(Optional.of("kitchen"), options.room());
        assertEquals(Optional.of("ws://relay.test:8443/v1"), options.relay());
        assertFalse(options.lan());
        assertEquals(Optional.of("s3cret"), options.invite().orElseThrow().secret());
        assertEquals(Optional.of(Path.of("/tmp/f4c")), options.configDir());
        AppOptions lan = AppOptions.parse(List.of("free4chat://lan?room=kitchen"));
        assertTrue(lan.lan());
        assertEquals(Optional.empty(), lan.relay());
    }

    @Test
    void aHostileLinkIsASentenceAndOpensNothing() {
        String[] args = {"free4chat://join?relay=http%3A%2F%2Fevil%2F&room=kitchen"};
        assertTrue(AppOptions.isForDesktop(args), "the desktop says what is wrong with it");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of(args)));
        assertTrue(e.getMessage().contains("ws:// or wss://"), e.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("free4chat://lan?room=kitchen", "--room", "other")));
        assertTrue(both.getMessage().contains("already names"), both.getMessage());
    }
}
