package chat.free4.audio;

/**
 * Fills in for audio that is late, the way a voice decoder conceals a lost packet: it repeats
 * whole pitch periods of what was just played. A repeated period starts where the last one ended,
 * and the late samples, once they come, follow the last repetition as they would have followed
 * the original, so neither edge clicks. Keeps the last {@value #HISTORY} samples played (48 kHz
 * mono); one instance per stream, used from one thread.
 */
final class PitchRepeat {
    /** 2.5 ms to 15 ms: the pitch of a voice (67 Hz to 400 Hz) and one or more periods of higher tones. */
    static final int MIN_PERIOD = 120;
    static final int MAX_PERIOD = 720;
    /** How much of the latest audio is compared with a period earlier to find the best one (5 ms). */
    private static final int MATCH = 240;
    static final int HISTORY = MAX_PERIOD + MATCH;

    private final short[] history = new short[HISTORY];
    private int next;
    private int filled;

    /** Records one sample as played. */
    void played(short sample) {
        history[next] = sample;
        next = (next + 1) % HISTORY;
        if (filled < HISTORY) {
            filled++;
        }
    }

    /** Whether enough has been played to find a period in. */
    boolean ready() {
        return filled == HISTORY;
    }

    /**
     * Writes at least {@code needed} samples, made of whole repeats of the best period, to
     * {@code out} (which must hold {@code needed + MAX_PERIOD - 1}); returns how many. They are
     * not recorded as played: the caller records each as it plays it.
     */
    int repeat(int needed, short[] out) {
        int period = bestPeriod();
        int length = (needed + period - 1) / period * period;
        for (int i = 0; i < length; i++) {
            out[i] = recent(period - i % period);
        }
        return length;
    }

    /** The lag at which the latest {@link #MATCH} samples best resemble themselves (normalised correlation). */
    private int bestPeriod() {
        int best = MIN_PERIOD;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = MIN_PERIOD; lag <= MAX_PERIOD; lag++) {
            double cross = 0;
            double energyNow = 0;
            double energyThen = 0;
            for (int i = 1; i <= MATCH; i++) {
                double now = recent(i);
                double then = recent(i + lag);
                cross += now * then;
                energyNow += now * now;
                energyThen += then * then;
            }
            double score = energyNow == 0 || energyThen == 0 ? 0 : cross / Math.sqrt(energyNow * energyThen);
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    /** The sample played {@code back} samples ago (1 = the last one). */
    private short recent(int back) {
        return history[Math.floorMod(next - back, HISTORY)];
    }
}
