package chat.free4.audio;

import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioProcessingStreamConfig;

/**
 * libwebrtc's audio processing, used standalone: the microphone goes through
 * {@link #processCapture} and the mix I hear through {@link #analyseRender}, so the echo canceller
 * knows what the speaker played. Everything at 48 kHz mono, 10 ms frames. With every switch off
 * the frames pass untouched (0.14.0's processing writes no output when it has nothing to do).
 */
final class VoiceProcessor implements AutoCloseable {
    private static final AudioProcessingStreamConfig MONO_48K = new AudioProcessingStreamConfig(Pcm.SAMPLE_RATE, 1);

    private final AudioProcessing processing = new AudioProcessing();
    private final byte[] renderScratch = new byte[Pcm.FRAME_SAMPLES * 2];
    private volatile VoiceProcessing settings = VoiceProcessing.none();
    private volatile boolean closed;

    VoiceProcessor(VoiceProcessing settings) {
        apply(settings);
    }

    synchronized void apply(VoiceProcessing settings) {
        AudioProcessingConfig config = new AudioProcessingConfig();
        config.echoCanceller.enabled = settings.echoCancellation();
        config.noiseSuppression.enabled = settings.noiseSuppression();
        config.noiseSuppression.level = AudioProcessingConfig.NoiseSuppression.Level.MODERATE;
        config.gainControl.enabled = settings.autoGain();
        config.gainControl.adaptiveDigital.enabled = settings.autoGain();
        config.highPassFilter.enabled = settings.any();
        if (!closed) {
            processing.applyConfig(config);
        }
        this.settings = settings;
    }

    VoiceProcessing settings() {
        return settings;
    }

    /** Returns the processed frame: {@code out}, or {@code frame} itself when nothing is switched on. */
    byte[] processCapture(byte[] frame, byte[] out, int echoDelayMs) {
        VoiceProcessing now = settings;
        if (!now.any() || closed) {
            return frame;
        }
        if (now.echoCancellation()) {
            processing.setStreamDelayMs(echoDelayMs);
        }
        return processing.processStream(frame, MONO_48K, MONO_48K, out) == 0 ? out : frame;
    }

    /** Tells the echo canceller what is about to be played. */
    void analyseRender(byte[] frame) {
        if (settings.echoCancellation() && !closed) {
            processing.processReverseStream(frame, MONO_48K, MONO_48K, renderScratch);
        }
    }

    /** Call only after both sound streams have stopped. */
    @Override
    public void close() {
        closed = true;
        processing.dispose();
    }
}
