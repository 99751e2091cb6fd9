package chat.free4.bench;

import chat.free4.audio.Pcm;
import chat.free4.audio.RemotePcmListener;
import chat.free4.peer.PeerId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds where bursts from one peer start in the received audio: the first sample above a
 * threshold after at least 100 ms of quiet. Its "ear" time is when the frame was handed to
 * playout plus the sample's offset in the frame.
 */
final class OnsetDetector implements RemotePcmListener {
    private static final int THRESHOLD = (int) (0.1 * Short.MAX_VALUE);
    private static final long QUIET_SAMPLES = Pcm.SAMPLE_RATE / 10;

    private final PeerId source;
    final List<Long> earNanos = new CopyOnWriteArrayList<>();
    private long quietRun = QUIET_SAMPLES;

    OnsetDetector(PeerId source) {
        this.source = source;
    }

    @Override
    public void onPcm(PeerId from, short[] samples, int count) {
        if (!from.equals(source)) {
            return;
        }
        long arrived = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (Math.abs(samples[i]) > THRESHOLD) {
                if (quietRun >= QUIET_SAMPLES) {
                    earNanos.add(arrived + i * 1_000_000_000L / Pcm.SAMPLE_RATE);
                }
                quietRun = 0;
            } else {
                quietRun++;
            }
        }
    }
}
