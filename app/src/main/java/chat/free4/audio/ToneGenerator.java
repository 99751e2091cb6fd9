package chat.free4.audio;

/** A continuous sine tone; keeps its phase across frames so there are no clicks. */
public final class ToneGenerator implements PcmSource {
    private final double frequency;
    private final double amplitude;
    private long sampleIndex;

    /** @param amplitude 0 to 1 of full scale */
    public ToneGenerator(double frequency, double amplitude) {
        if (frequency <= 0 || frequency >= Pcm.SAMPLE_RATE / 2.0) {
            throw new IllegalArgumentException("A tone must be between 0 and 24000 Hz.");
        }
        this.frequency = frequency;
        this.amplitude = amplitude;
    }

    @Override
    public void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            double t = (double) sampleIndex++ / Pcm.SAMPLE_RATE;
            frame[i] = Pcm.clip(amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * frequency * t));
        }
    }

    public double frequency() {
        return frequency;
    }
}
