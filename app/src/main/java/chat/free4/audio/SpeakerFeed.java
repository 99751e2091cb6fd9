package chat.free4.audio;

import dev.onvoid.webrtc.media.audio.AudioResampler;
import dev.onvoid.webrtc.media.audio.AudioSource;

/**
 * Feeds the speaker on the sound card's thread: pulls 10 ms of the mix at 48 kHz, shows it to the
 * echo canceller, resamples to the card's rate and copies it to every channel. Requests of any
 * length are served from a small queue of resampled audio.
 */
final class SpeakerFeed implements AudioSource {
    private final PlayoutMixer mixer;
    private final VoiceProcessor processor;
    private final short[] mix = new short[Pcm.FRAME_SAMPLES];
    private final byte[] mixBytes = new byte[Pcm.FRAME_SAMPLES * 2];
    private int rate;
    private AudioResampler resampler;
    private byte[] resampled = new byte[0];
    private short[] queue = new short[0];
    private int queued;

    SpeakerFeed(PlayoutMixer mixer, VoiceProcessor processor) {
        this.mixer = mixer;
        this.processor = processor;
    }

    @Override
    public int onPlaybackData(byte[] out, int frames, int bytesPerFrame, int channels, int sampleRate) {
        if (channels < 1 || sampleRate < 8000 || sampleRate > 192_000 || out.length < frames * channels * 2) {
            return 0;
        }
        if (sampleRate != rate) {
            startRate(sampleRate, frames);
        }
        while (queued < frames) {
            produceTenMillis();
        }
        for (int f = 0; f < frames; f++) {
            short s = queue[f];
            for (int c = 0; c < channels; c++) {
                int i = 2 * (f * channels + c);
                out[i] = (byte) s;
                out[i + 1] = (byte) (s >> 8);
            }
        }
        System.arraycopy(queue, frames, queue, 0, queued - frames);
        queued -= frames;
        return frames;
    }

    private void startRate(int sampleRate, int frames) {
        rate = sampleRate;
        if (resampler != null) {
            resampler.dispose();
            resampler = null;
        }
        if (sampleRate != Pcm.SAMPLE_RATE) {
            resampler = new AudioResampler(Pcm.SAMPLE_RATE, sampleRate, 1);
        }
        resampled = new byte[sampleRate / 100 * 2];
        queue = new short[frames + 2 * (sampleRate / 100)];
        queued = 0;
    }

    private void produceTenMillis() {
        mixer.mix(mix);
        Pcm.toBytes(mix, mix.length, mixBytes);
        processor.analyseRender(mixBytes);
        int n = rate / 100;
        if (resampler != null) {
            resampler.resample(mixBytes, Pcm.FRAME_SAMPLES, resampled, n, 1);
        } else {
            System.arraycopy(mixBytes, 0, resampled, 0, mixBytes.length);
        }
        if (queue.length < queued + n) {
            queue = java.util.Arrays.copyOf(queue, queued + n);
        }
        for (int i = 0; i < n; i++) {
            queue[queued++] = (short) ((resampled[2 * i] & 0xff) | (resampled[2 * i + 1] << 8));
        }
    }

    /** Frees the resampler; call after the speaker stream has stopped. */
    void close() {
        if (resampler != null) {
            resampler.dispose();
            resampler = null;
        }
        rate = 0;
    }
}
