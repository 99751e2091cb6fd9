package chat.free4.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldSurvivesSaveAndLoad() {
        Settings written = new Settings("Ada", "USB Mic", "Headset", "ws://127.0.0.1:9000/v1",
                List.of("stun:stun.example.org:3478"), List.of(new TurnServerSetting("turn:turn.example.org?transport=tcp", "user", "pw")), "F8",
                VoiceMode.PUSH_TO_TALK, "eth1", Theme.LIGHT, new WindowBounds(12.0, 34.0, 900, 600, true),
                new AudioPreferences(false, true, false, 0.25),
                new DesktopComforts("zh-CN", false, true, false, 0.3, false, true));
        new SettingsStore(dir).save(written);

        assertEquals(written, new SettingsStore(dir).load());
    }

    @Test
    void turnLinesOfAnOlderFileBecomeEntriesWithTheirCredentials() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"displayName\":\"Bo\",\"turnServers\":"
                + "[\"turn:user:password@turn.example.org:3478\",\"turn:turn.example.org\"]}");

        Settings loaded = new SettingsStore(dir).load();

        assertEquals("Bo", loaded.displayName());
        assertEquals(List.of(new TurnServerSetting("turn:turn.example.org:3478", "user", "password"),
                new TurnServerSetting("turn:turn.example.org", "", "")), loaded.turnServers());
    }

    @Test
    void missingFileMeansFirstRunWithDefaults() {
        Settings loaded = new SettingsStore(dir).load();

        assertTrue(loaded.needsFirstRun());
        assertEquals(Settings.defaults(), loaded);
        assertEquals(VoiceMode.VOICE_ACTIVITY, loaded.voiceMode());
    }

    @Test
    void brokenFileIsKeptAsideAndDefaultsAreUsed() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ this is not json");

        Settings loaded = new SettingsStore(dir).load();

        assertEquals(Settings.defaults(), loaded);
        assertEquals("{ this is not json", Files.readString(dir.resolve("settings.json.broken")));
    }

    @Test
    void fieldsMissingFromAnOlderFileGetDefaults() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"displayName\":\"Bo\"}");

        Settings loaded = new SettingsStore(dir).load();

        assertEquals("Bo", loaded.displayName());
        assertEquals(Settings.DEFAULT_PUSH_TO_TALK_KEY, loaded.pushToTalkKey());
        assertEquals(Theme.DARK, loaded.theme());
        assertEquals(WindowBounds.DEFAULT, loaded.window());
    }

    @Test
    void configDirectoryFollowsEachPlatformsConvention() {
        assertEquals(Path.of("/x/cfg/free4chat"),
                ConfigDirectory.resolve(null, "Linux", "/home/a", Map.of("XDG_CONFIG_HOME", "/x/cfg")));
        assertEquals(Path.of("/home/a/.config/free4chat"), ConfigDirectory.resolve(null, "Linux", "/home/a", Map.of()));
        assertEquals(Path.of("/home/a/Library/Application Support/free4chat"),
                ConfigDirectory.resolve(null, "Mac OS X", "/home/a", Map.of()));
        assertEquals(Path.of("C:/Users/a/AppData/Roaming/free4chat"),
                ConfigDirectory.resolve(null, "Windows 11", "/home/a", Map.of("APPDATA", "C:/Users/a/AppData/Roaming")));
        assertEquals(Path.of("/tmp/t"), ConfigDirectory.resolve("/tmp/t", "Linux", "/home/a", Map.of()));
    }
}
