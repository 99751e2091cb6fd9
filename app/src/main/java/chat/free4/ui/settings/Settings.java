package chat.free4.ui.settings;

import java.util.List;

/**
 * Everything the person chose, as one immutable value. Empty strings mean "system default"
 * (devices, LAN interface) or "not set" (relay URL: LAN only).
 */
public record Settings(
        String displayName,
        String inputDevice,
        String outputDevice,
        String relayUrl,
        List<String> stunServers,
        List<TurnServerSetting> turnServers,
        String pushToTalkKey,
        VoiceMode voiceMode,
        String lanInterface,
        Theme theme,
        WindowBounds window,
        AudioPreferences sound,
        DesktopComforts comforts) {

    public static final String DEFAULT_PUSH_TO_TALK_KEY = "SPACE";

    public Settings {
        displayName = orEmpty(displayName).strip();
        inputDevice = orEmpty(inputDevice);
        outputDevice = orEmpty(outputDevice);
        relayUrl = orEmpty(relayUrl).strip();
        stunServers = stunServers == null ? List.of() : List.copyOf(stunServers);
        turnServers = turnServers == null ? List.of() : List.copyOf(turnServers);
        pushToTalkKey = pushToTalkKey == null || pushToTalkKey.isBlank() ? DEFAULT_PUSH_TO_TALK_KEY : pushToTalkKey;
        voiceMode = voiceMode == null ? VoiceMode.VOICE_ACTIVITY : voiceMode;
        lanInterface = orEmpty(lanInterface);
        theme = theme == null ? Theme.DARK : theme;
        window = window == null ? WindowBounds.DEFAULT : window;
        sound = sound == null ? AudioPreferences.defaults() : sound;
        comforts = comforts == null ? DesktopComforts.defaults() : comforts;
    }

    public static Settings defaults() {
        return new Settings("", "", "", "", List.of(), List.of(), null, null, "", null, null, null, null);
    }

    /** The first start asks for a display name; nothing else is needed to use the app. */
    public boolean needsFirstRun() {
        return displayName.isEmpty();
    }

    public boolean hasRelay() {
        return !relayUrl.isEmpty();
    }

    public Settings withDisplayName(String value) {
        return new Settings(value, inputDevice, outputDevice, relayUrl, stunServers, turnServers, pushToTalkKey,
                voiceMode, lanInterface, theme, window, sound, comforts);
    }

    public Settings withRelayUrl(String value) {
        return new Settings(displayName, inputDevice, outputDevice, value, stunServers, turnServers, pushToTalkKey,
                voiceMode, lanInterface, theme, window, sound, comforts);
    }

    public Settings withTheme(Theme value) {
        return new Settings(displayName, inputDevice, outputDevice, relayUrl, stunServers, turnServers, pushToTalkKey,
                voiceMode, lanInterface, value, window, sound, comforts);
    }

    public Settings withVoiceMode(VoiceMode value) {
        return new Settings(displayName, inputDevice, outputDevice, relayUrl, stunServers, turnServers, pushToTalkKey,
                value, lanInterface, theme, window, sound, comforts);
    }

    public Settings withWindow(WindowBounds value) {
        return new Settings(displayName, inputDevice, outputDevice, relayUrl, stunServers, turnServers, pushToTalkKey,
                voiceMode, lanInterface, theme, value, sound, comforts);
    }

    public Settings withDevices(String input, String output) {
        return new Settings(displayName, input, output, relayUrl, stunServers, turnServers, pushToTalkKey,
                voiceMode, lanInterface, theme, window, sound, comforts);
    }

    public Settings withIceServers(List<String> stun, List<TurnServerSetting> turn) {
        return new Settings(displayName, inputDevice, outputDevice, relayUrl, stun, turn, pushToTalkKey,
                voiceMode, lanInterface, theme, window, sound, comforts);
    }

    public Settings withPushToTalkKey(String value) {
        return new Settings(displayName, inputDevice, outputDevice, relayUrl, stunServers, turnServers, value,
                voiceMode, lanInterface, theme, window, sound, comforts);
    }

    public Settings withLanInterface(String value) {
        return new Settings(displayName, inputDevice, outputDevice, relayUrl, stunServers, turnServers, pushToTalkKey,
                voiceMode, value, theme, window, sound, comforts);
    }

    public Settings withSound(AudioPreferences value) {
        return new Settings(displayName, inputDevice, outputDevice, relayUrl, stunServers, turnServers, pushToTalkKey,
                voiceMode, lanInterface, theme, window, value, comforts);
    }

    public Settings withComforts(DesktopComforts value) {
        return new Settings(displayName, inputDevice, outputDevice, relayUrl, stunServers, turnServers, pushToTalkKey,
                voiceMode, lanInterface, theme, window, sound, value);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
