package chat.free4.audio;

/**
 * What is done to the microphone before it is sent (desktop path). Each is a switch in Settings;
 * all are on by default, as in every voice app: without echo cancellation a person on laptop
 * speakers is heard twice by everyone else.
 */
public record VoiceProcessing(boolean echoCancellation, boolean noiseSuppression, boolean autoGain) {

    public static VoiceProcessing defaults() {
        return new VoiceProcessing(true, true, true);
    }

    public static VoiceProcessing none() {
        return new VoiceProcessing(false, false, false);
    }

    boolean any() {
        return echoCancellation || noiseSuppression || autoGain;
    }
}
