package chat.free4.audio;

/** Measures how much of one frequency a block of samples holds (a single DFT bin). */
public final class Goertzel {
    private Goertzel() {
    }

    /**
     * The amplitude of {@code frequency} in {@code samples}, 0 to about 1 of full scale: a full
     * scale sine at that frequency gives about 1.
     */
    public static double amplitude(short[] samples, int offset, int count, double frequency, int sampleRate) {
        double omega = 2 * Math.PI * frequency / sampleRate;
        double coeff = 2 * Math.cos(omega);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < count; i++) {
            double s0 = samples[offset + i] / 32768.0 + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / count;
    }

    public static double amplitude(short[] samples, double frequency) {
        return amplitude(samples, 0, samples.length, frequency, Pcm.SAMPLE_RATE);
    }
}
