package chat.free4.audio;

/**
 * Tracks the level of a stream of frames for a speaking indicator: RMS and peak of the last frame,
 * with a short release so the indicator does not flicker. Thread-safe for one writer.
 */
public final class SignalLevel {
    private static final double RELEASE = 0.85;
    private volatile double rms;
    private volatile double peak;

    public void update(short[] samples, int count) {
        double sum = 0;
        int max = 0;
        for (int i = 0; i < count; i++) {
            int s = samples[i];
            sum += (double) s * s;
            max = Math.max(max, Math.abs(s));
        }
        double frameRms = count == 0 ? 0 : Math.sqrt(sum / count) / 32768.0;
        double framePeak = max / 32768.0;
        rms = Math.max(frameRms, rms * RELEASE);
        peak = Math.max(framePeak, peak * RELEASE);
    }

    public void reset() {
        rms = 0;
        peak = 0;
    }

    /** RMS level, 0 to 1 of full scale. */
    public double rms() {
        return rms;
    }

    public double peak() {
        return peak;
    }
}
