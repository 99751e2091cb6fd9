package chat.free4.audio;

/** Sends the samples of a WAV file once (or looping), then silence. */
public final class WavSource implements PcmSource {
    private final short[] samples;
    private final boolean loop;
    private int position;

    public WavSource(short[] samples, boolean loop) {
        this.samples = samples.clone();
        this.loop = loop;
    }

    @Override
    public void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            if (position >= samples.length) {
                if (!loop || samples.length == 0) {
                    frame[i] = 0;
                    continue;
                }
                position = 0;
            }
            frame[i] = samples[position++];
        }
    }

    public boolean finished() {
        return !loop && position >= samples.length;
    }
}
