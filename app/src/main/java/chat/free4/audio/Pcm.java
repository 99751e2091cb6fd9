package chat.free4.audio;

/** The one PCM format the engine moves around: 16-bit signed, 48 kHz, mono, 10 ms frames. */
public final class Pcm {
    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAME_SAMPLES = 480;
    public static final int BITS = 16;
    public static final int FRAME_MILLIS = 10;

    private Pcm() {
    }

    /** Little-endian 16-bit bytes to samples; returns the number of samples written. */
    public static int toSamples(byte[] bytes, int byteCount, short[] out) {
        int n = Math.min(byteCount / 2, out.length);
        for (int i = 0; i < n; i++) {
            out[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return n;
    }

    public static void toBytes(short[] samples, int count, byte[] out) {
        for (int i = 0; i < count; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
    }

    public static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
}
