package chat.free4.bench;

import chat.free4.audio.Pcm;
import chat.free4.audio.PcmSource;

/**
 * A stand-in for speech that noise suppression keeps: a tone with its second and third harmonic,
 * switched on and off at a syllable rate (180 ms sound, 70 ms pause, 10 ms fades). A steady sine
 * is learnt as noise within seconds and removed, which a voice is not.
 */
final class SyllableVoice implements PcmSource {
    private static final int SYLLABLE = Pcm.SAMPLE_RATE * 180 / 1000;
    private static final int PERIOD = Pcm.SAMPLE_RATE * 250 / 1000;
    private static final int FADE = Pcm.SAMPLE_RATE / 100;
    private final double frequency;
    private final double amplitude;
    private long sample;

    SyllableVoice(double frequency, double amplitude) {
        this.frequency = frequency;
        this.amplitude = amplitude;
    }

    @Override
    public void read(short[] frame) {
        for (int i = 0; i < frame.length; i++, sample++) {
            int inPeriod = (int) (sample % PERIOD);
            double envelope = inPeriod >= SYLLABLE ? 0 : Math.min(1, Math.min(inPeriod, SYLLABLE - inPeriod) / (double) FADE);
            double t = (double) sample / Pcm.SAMPLE_RATE;
            double w = 2 * Math.PI * frequency * t;
            double v = Math.sin(w) + 0.4 * Math.sin(2 * w) + 0.2 * Math.sin(3 * w);
            frame[i] = Pcm.clip(amplitude * envelope * Short.MAX_VALUE * v / 1.6);
        }
    }
}
