package chat.free4.ui;

import static chat.free4.ui.DesktopAppHarness.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.ui.settings.SettingsStore;
import chat.free4.ui.settings.Theme;
import chat.free4.ui.settings.VoiceMode;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real UI: first start asks for a name; what was chosen is still there after a restart. */
class SettingsSurviveRestartTest {

    @TempDir
    Path configDir;

    @Test
    void firstRunNameThemeModeAndWindowSizeSurviveARestart() throws Exception {
        AppOptions options = new AppOptions(Optional.empty(), Optional.of(configDir));
        try (DesktopAppHarness first = DesktopAppHarness.start(options)) {
            assertTrue(first.exists("#first-run"), "the first start asks for a display name");
            assertFalse(first.exists("#lobby"));
            first.robot.clickOn("#first-run-name").eraseText(40).write("Ada Lovelace");
            first.robot.clickOn("#first-run-continue");
            assertTrue(first.exists("#lobby"), "after the name the lobby is shown");
            assertEquals("Ada Lovelace", first.lookup("#self-name", Label.class).getText());

            first.robot.clickOn("#nav-settings");
            first.click("#settings-theme-light");
            first.click("#settings-mode-ptt");
            first.click("#settings-ptt-key");
            first.robot.type(KeyCode.F8);
            DesktopAppHarness.runFx(() -> {
                first.app.stage().setWidth(900);
                first.app.stage().setHeight(640);
            });
        }

        assertEquals("Ada Lovelace", new SettingsStore(configDir).load().displayName(), "saved on disk");

        try (DesktopAppHarness second = DesktopAppHarness.start(options)) {
            assertFalse(second.exists("#first-run"), "a known name skips the first-run page");
            assertEquals("Ada Lovelace", second.lookup("#self-name", Label.class).getText());
            assertEquals(Theme.LIGHT, second.app.settings().current().theme());
            assertTrue(second.app.stage().getScene().getRoot().getStyleClass().contains("theme-light"));
            assertEquals(VoiceMode.PUSH_TO_TALK, second.app.room().voiceModeProperty().get());
            assertEquals("F8", second.app.room().pushToTalkKeyProperty().get());
            assertEquals(900, onFx(() -> second.app.stage().getWidth()), 0.5);
            assertEquals(640, onFx(() -> second.app.stage().getHeight()), 0.5);
        }
    }
}
