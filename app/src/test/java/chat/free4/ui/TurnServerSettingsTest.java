package chat.free4.ui;

import static chat.free4.ui.DesktopAppHarness.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.ui.settings.SettingsStore;
import chat.free4.ui.settings.TurnServerSetting;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Network takes TURN servers with a username and a password, and refuses a bad one in words. */
class TurnServerSettingsTest {

    @TempDir
    Path configDir;

    @Test
    void aTurnServerWithCredentialsIsSavedAndABadOneIsExplained() throws Exception {
        TestSettings.writeFirstRunDone(configDir, "Ada");
        try (DesktopAppHarness ui = DesktopAppHarness.start(new AppOptions(Optional.empty(), Optional.of(configDir)))) {
            ui.robot.clickOn("#nav-settings");
            ui.click("#settings-turn-add");
            ui.click("#settings-turn-url-0");
            ui.robot.write("turn:198.19.0.10:3478?transport=tcp");
            ui.click("#settings-turn-username-0");
            ui.robot.write("ada");
            ui.click("#settings-turn-password-0");
            ui.robot.write("s3cret");
            ui.click("#settings-relay"); // leaving the field saves
            TurnServerSetting expected = new TurnServerSetting("turn:198.19.0.10:3478?transport=tcp", "ada", "s3cret");
            assertEquals(List.of(expected), ui.app.settings().current().turnServers());
            assertEquals(List.of(expected), new SettingsStore(configDir).load().turnServers(), "saved on disk");

            ui.click("#settings-turn-add");
            ui.click("#settings-turn-url-1");
            ui.robot.write("turn:turn.example.org");
            ui.click("#settings-relay");
            String problem = onFx(() -> ui.app.settings().problemProperty().get());
            assertTrue(problem.contains("needs a username and a password"), problem);
            assertEquals(List.of(expected), ui.app.settings().current().turnServers(), "the bad entry is not saved");
            assertTrue(ui.exists("#settings"), "the app stays up");
        }
    }
}
