package chat.free4.ui;

import static chat.free4.ui.DesktopAppHarness.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.ui.i18n.Texts;
import chat.free4.ui.settings.DesktopComforts;
import chat.free4.ui.settings.Settings;
import chat.free4.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language chosen in Settings is the one the app speaks at its next start: the lobby and
 * Settings in Simplified Chinese, then English again after choosing it. No screen shows a bundle
 * key in place of words (a key that is missing is shown as itself).
 */
class LanguageSettingTest {
    /** What a missing key looks like on screen: {@code room.leave}, {@code settings.language.system}. */
    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9]+)+");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @TempDir
    Path configDir;

    @AfterEach
    void systemLanguageAgain() {
        // Texts is the whole JVM's: the next test class must not start in Chinese.
        Texts.use("");
    }

    @Test
    void chineseChosenInSettingsIsSpokenAfterARestartAndEnglishComesBack() throws Exception {
        new SettingsStore(configDir).save(Settings.defaults().withDisplayName("Ada")
                .withComforts(DesktopComforts.defaults().withLanguage("zh-CN")));
        AppOptions options = new AppOptions(Optional.empty(), Optional.of(configDir));

        try (DesktopAppHarness chinese = DesktopAppHarness.start(options)) {
            assertTrue(chinese.exists("#lobby"));
            assertEquals("设置", chinese.text("#nav-settings"));
            assertAllWordsAreWords(chinese, "lobby", 5);
            chinese.robot.clickOn("#nav-settings");
            assertTrue(chinese.exists("#settings"));
            assertAllWordsAreWords(chinese, "settings", 15);
            ComboBox<?> language = chinese.lookup("#settings-language", ComboBox.class);
            assertEquals("简体中文", onFx(() -> language.getButtonCell().getText()));
            DesktopAppHarness.runFx(() -> selectValue(language, "en"));
        }
        assertEquals("en", new SettingsStore(configDir).load().comforts().language(), "the choice is saved");

        try (DesktopAppHarness english = DesktopAppHarness.start(options)) {
            assertTrue(english.exists("#lobby"));
            assertEquals("Settings", english.text("#nav-settings"));
            List<String> words = shownWords(english);
            assertTrue(words.stream().noneMatch(w -> CHINESE.matcher(w).find()), "English again: " + words);
        }
    }

    @SuppressWarnings("unchecked")
    private static void selectValue(ComboBox<?> box, String value) {
        ((ComboBox<String>) box).getSelectionModel().select(value);
    }

    /** Every text shown is words, not a key, and the screen really speaks Chinese. */
    private static void assertAllWordsAreWords(DesktopAppHarness app, String screen, int chineseAtLeast) {
        List<String> words = shownWords(app);
        List<String> keys = words.stream().filter(w -> KEY.matcher(w).matches()).toList();
        assertTrue(keys.isEmpty(), screen + " shows keys instead of words: " + keys);
        long chinese = words.stream().filter(w -> CHINESE.matcher(w).find()).count();
        assertTrue(chinese >= chineseAtLeast, screen + " in Chinese (" + chinese + " texts): " + words);
    }

    /** The texts of every visible labeled node and the prompt of every visible text field. */
    private static List<String> shownWords(DesktopAppHarness app) {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            collect(app.app.stage().getScene().getRoot(), out);
            return out;
        });
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText());
        }
        if (node instanceof TextInputControl t && t.getPromptText() != null && !t.getPromptText().isBlank()) {
            out.add(t.getPromptText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
