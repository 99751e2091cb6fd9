package chat.free4.bench;

import chat.free4.audio.Pcm;
import chat.free4.audio.PcmSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Silence with a short 1 kHz burst every {@code periodFrames} frames; remembers when each burst
 * was handed to WebRTC. The "mouth" time of a burst is that moment minus one frame, as a sound
 * card hands over 10 ms of captured audio only after the 10 ms have been spoken.
 */
final class BurstSource implements PcmSource {
    private final int periodFrames;
    private final int burstFrames;
    private final int maxBursts;
    final List<Long> mouthNanos = new CopyOnWriteArrayList<>();
    private long frame;
    private long sample;
    private volatile boolean armed;
    private boolean inBurst;

    BurstSource(int periodFrames, int burstFrames, int maxBursts) {
        this.periodFrames = periodFrames;
        this.burstFrames = burstFrames;
        this.maxBursts = maxBursts;
    }

    /** Starts the bursts from the next period on. */
    void arm() {
        armed = true;
    }

    boolean done() {
        return mouthNanos.size() >= maxBursts;
    }

    @Override
    public void read(short[] out) {
        long inPeriod = frame % periodFrames;
        if (inPeriod == 0) {
            inBurst = armed && mouthNanos.size() < maxBursts;
            if (inBurst) {
                mouthNanos.add(System.nanoTime() - Pcm.FRAME_MILLIS * 1_000_000L);
            }
        }
        boolean bursting = inBurst && inPeriod < burstFrames;
        for (int i = 0; i < out.length; i++) {
            out[i] = bursting ? (short) (0.5 * Short.MAX_VALUE * Math.sin(2 * Math.PI * 1000 * sample / Pcm.SAMPLE_RATE)) : 0;
            sample++;
        }
        frame++;
    }
}
