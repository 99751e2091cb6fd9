package chat.free4.ui.settings;

import chat.free4.audio.VoiceProcessing;

/**
 * The sound switches in Settings → Audio and Voice: echo cancellation, noise suppression and
 * automatic gain (all on by default) and how sensitive voice activity is (0 to 1; 1 sends even a
 * whisper).
 */
public record AudioPreferences(Boolean echoCancellation, Boolean noiseSuppression, Boolean autoGain,
                               Double voiceSensitivity) {
    public static final double DEFAULT_SENSITIVITY = 0.7;

    /** Missing values (an older settings file) take the defaults. */
    public AudioPreferences {
        echoCancellation = echoCancellation == null || echoCancellation;
        noiseSuppression = noiseSuppression == null || noiseSuppression;
        autoGain = autoGain == null || autoGain;
        voiceSensitivity = voiceSensitivity == null || voiceSensitivity.isNaN() ? DEFAULT_SENSITIVITY
                : Math.max(0, Math.min(1, voiceSensitivity));
    }

    public static AudioPreferences defaults() {
        return new AudioPreferences(null, null, null, null);
    }

    public VoiceProcessing processing() {
        return new VoiceProcessing(echoCancellation, noiseSuppression, autoGain);
    }

    public AudioPreferences withProcessing(boolean echo, boolean noise, boolean gain) {
        return new AudioPreferences(echo, noise, gain, voiceSensitivity);
    }

    public AudioPreferences withVoiceSensitivity(double value) {
        return new AudioPreferences(echoCancellation, noiseSuppression, autoGain, value);
    }
}
