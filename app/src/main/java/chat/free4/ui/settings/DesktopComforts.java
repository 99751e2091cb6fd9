package chat.free4.ui.settings;

/**
 * The everyday switches of a voice app, kept apart from the call settings: the language (empty means
 * the system's), whether closing the window during a call keeps it in the tray (and whether the
 * person has been told so), event sounds and their volume (0 to 1), chat notifications while the
 * window is unfocused, and whether push-to-talk also works while another window has focus.
 */
public record DesktopComforts(String language, Boolean closeToTray, Boolean trayHintShown, Boolean eventSounds,
                              Double soundVolume, Boolean chatNotifications, Boolean globalPushToTalk) {
    public static final double DEFAULT_SOUND_VOLUME = 0.6;

    /** Missing values (an older settings file) take the defaults. */
    public DesktopComforts {
        language = language == null ? "" : language.strip();
        closeToTray = closeToTray == null || closeToTray;
        trayHintShown = trayHintShown != null && trayHintShown;
        eventSounds = eventSounds == null || eventSounds;
        soundVolume = soundVolume == null || soundVolume.isNaN() ? DEFAULT_SOUND_VOLUME
                : Math.max(0, Math.min(1, soundVolume));
        chatNotifications = chatNotifications == null || chatNotifications;
        globalPushToTalk = globalPushToTalk != null && globalPushToTalk;
    }

    public static DesktopComforts defaults() {
        return new DesktopComforts(null, null, null, null, null, null, null);
    }

    public DesktopComforts withLanguage(String value) {
        return new DesktopComforts(value, closeToTray, trayHintShown, eventSounds, soundVolume, chatNotifications,
                globalPushToTalk);
    }

    public DesktopComforts withCloseToTray(boolean value) {
        return new DesktopComforts(language, value, trayHintShown, eventSounds, soundVolume, chatNotifications,
                globalPushToTalk);
    }

    public DesktopComforts withTrayHintShown(boolean value) {
        return new DesktopComforts(language, closeToTray, value, eventSounds, soundVolume, chatNotifications,
                globalPushToTalk);
    }

    public DesktopComforts withEventSounds(boolean on, double volume) {
        return new DesktopComforts(language, closeToTray, trayHintShown, on, volume, chatNotifications,
                globalPushToTalk);
    }

    public DesktopComforts withChatNotifications(boolean value) {
        return new DesktopComforts(language, closeToTray, trayHintShown, eventSounds, soundVolume, value,
                globalPushToTalk);
    }

    public DesktopComforts withGlobalPushToTalk(boolean value) {
        return new DesktopComforts(language, closeToTray, trayHintShown, eventSounds, soundVolume, chatNotifications,
                value);
    }
}
