package chat.free4.audio;

import java.util.function.Consumer;

/** Picks the audio path for the desktop app. */
public final class AudioBackends {
    private AudioBackends() {
    }

    /**
     * The sound card when there is one; otherwise a silent headless path (the person can still
     * join and see the room) and a sentence saying so to {@code warning}.
     */
    public static AudioBackend desktopOrSilent(RemotePcmListener listener, Consumer<String> warning) {
        try {
            return new DeviceAudio(listener, VoiceProcessing.defaults(), warning);
        } catch (AudioUnavailableException e) {
            warning.accept(e.getMessage() + " You are in the room without microphone and speakers.");
            return new HeadlessAudio(PcmSource.silence(), listener);
        }
    }
}
