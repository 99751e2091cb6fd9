package chat.free4.ui;

import chat.free4.ui.settings.Settings;
import chat.free4.ui.settings.SettingsStore;
import java.nio.file.Path;

/** Prepares a settings folder so a test starts past the first-run page. */
final class TestSettings {
    private TestSettings() {
    }

    static void writeFirstRunDone(Path dir, String displayName) {
        new SettingsStore(dir).save(Settings.defaults().withDisplayName(displayName));
    }
}
