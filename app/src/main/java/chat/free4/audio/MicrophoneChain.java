package chat.free4.audio;

import dev.onvoid.webrtc.media.audio.AudioResampler;
import dev.onvoid.webrtc.media.audio.AudioSink;
import java.util.function.IntSupplier;

/**
 * What happens to the microphone on the desktop path, on the sound card's thread: down-mix to
 * mono, collect 10 ms, resample to 48 kHz, echo cancellation / noise suppression / gain control,
 * level meter, then mute, deafen and the voice gate, then out to every peer connection.
 */
final class MicrophoneChain implements AudioSink {
    private static final int MAX_DELAY_HINT_MS = 500;

    private final LocalSender sender;
    private final VoiceProcessor processor;
    private final VoiceGate gate;
    private final SignalLevel meter;
    private final IntSupplier playoutDelayMs;
    private final short[] frame = new short[Pcm.FRAME_SAMPLES];
    private final byte[] frameBytes = new byte[Pcm.FRAME_SAMPLES * 2];
    private final byte[] processed = new byte[Pcm.FRAME_SAMPLES * 2];
    private short[] collected = new short[0];
    private byte[] collectedBytes = new byte[0];
    private int collectedCount;
    private int rate;
    private AudioResampler resampler;
    private volatile boolean silenced;

    /** @param playoutDelayMs how long the mix waits before the speaker plays it (echo delay hint) */
    MicrophoneChain(LocalSender sender, VoiceProcessor processor, VoiceGate gate, SignalLevel meter, IntSupplier playoutDelayMs) {
        this.sender = sender;
        this.processor = processor;
        this.gate = gate;
        this.meter = meter;
        this.playoutDelayMs = playoutDelayMs;
    }

    /** Muted or deafened: frames are still measured, but silence is sent. */
    void setSilenced(boolean silenced) {
        this.silenced = silenced;
    }

    @Override
    public void onRecordedData(byte[] data, int frames, int bytesPerFrame, int channels, int sampleRate,
            int totalDelayMs, int clockDrift) {
        if (channels < 1 || sampleRate < 8000 || sampleRate > 192_000 || data.length < frames * channels * 2) {
            return;
        }
        if (sampleRate != rate) {
            startRate(sampleRate);
        }
        int per10ms = sampleRate / 100;
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = 2 * (f * channels + c);
                sum += (short) ((data[i] & 0xff) | (data[i + 1] << 8));
            }
            collected[collectedCount++] = (short) (sum / channels);
            if (collectedCount == per10ms) {
                collectedCount = 0;
                sendTenMillis(Math.min(MAX_DELAY_HINT_MS, Math.max(0, totalDelayMs)));
            }
        }
    }

    private void startRate(int sampleRate) {
        rate = sampleRate;
        collected = new short[sampleRate / 100];
        collectedBytes = new byte[collected.length * 2];
        collectedCount = 0;
        if (resampler != null) {
            resampler.dispose();
            resampler = null;
        }
        if (sampleRate != Pcm.SAMPLE_RATE) {
            resampler = new AudioResampler(sampleRate, Pcm.SAMPLE_RATE, 1);
        }
    }

    private void sendTenMillis(int captureDelayMs) {
        Pcm.toBytes(collected, collected.length, collectedBytes);
        if (resampler != null) {
            resampler.resample(collectedBytes, collected.length, frameBytes, Pcm.FRAME_SAMPLES, 1);
        } else {
            System.arraycopy(collectedBytes, 0, frameBytes, 0, frameBytes.length);
        }
        byte[] out = processor.processCapture(frameBytes, processed, captureDelayMs + playoutDelayMs.getAsInt());
        Pcm.toSamples(out, out.length, frame);
        meter.update(frame, frame.length);
        boolean send = gate.admit(frame, frame.length) && !silenced;
        if (!send) {
            java.util.Arrays.fill(frame, (short) 0);
        }
        sender.push(frame);
    }

    /** Frees the resampler; call after the microphone stream has stopped. */
    void close() {
        if (resampler != null) {
            resampler.dispose();
            resampler = null;
        }
        rate = 0;
    }
}
