package chat.free4.audio;

/**
 * Decides per 10 ms frame whether the microphone is sent in voice-activity mode: open while the
 * frame's level is at or above the threshold, and for a hang time after, so the ends of words
 * and short pauses are not cut. A threshold of {@link #ALWAYS_OPEN} sends everything.
 * One writer thread (the microphone's); the threshold may be changed from any thread.
 */
public final class VoiceGate {
    /** dBFS at or below which no frame counts as speech: the gate never closes. */
    public static final double ALWAYS_OPEN = -100;
    static final long HANG_FRAMES = 40; // 400 ms

    private volatile double thresholdDbfs = ALWAYS_OPEN;
    private long framesSinceVoice = Long.MAX_VALUE / 2;

    /**
     * Sensitivity as the person sets it, 0 to 1: 1 sends even a whisper (-70 dBFS), 0 only loud
     * speech (-20 dBFS).
     */
    public void setSensitivity(double sensitivity) {
        double s = Math.max(0, Math.min(1, sensitivity));
        thresholdDbfs = -20 - 50 * s;
    }

    public void setThresholdDbfs(double dbfs) {
        thresholdDbfs = dbfs;
    }

    public double thresholdDbfs() {
        return thresholdDbfs;
    }

    /** True when this frame is to be sent. */
    boolean admit(short[] frame, int count) {
        double threshold = thresholdDbfs;
        if (threshold <= ALWAYS_OPEN) {
            return true;
        }
        if (dbfs(frame, count) >= threshold) {
            framesSinceVoice = 0;
        } else {
            framesSinceVoice++;
        }
        return framesSinceVoice <= HANG_FRAMES;
    }

    static double dbfs(short[] frame, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (double) frame[i] * frame[i];
        }
        double rms = count == 0 ? 0 : Math.sqrt(sum / count) / 32768.0;
        return rms <= 0 ? -120 : 20 * Math.log10(rms);
    }
}
