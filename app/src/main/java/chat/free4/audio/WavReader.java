package chat.free4.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a PCM WAV file into 48 kHz mono 16-bit samples (mixing down channels, resampling linearly). */
public final class WavReader {
    private WavReader() {
    }

    public static short[] read(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.remaining() < 12 || buf.getInt(0) != 0x46464952 || buf.getInt(8) != 0x45564157) {
            throw new IOException(file + " is not a WAV file.");
        }
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int format = 0;
        int pos = 12;
        while (pos + 8 <= buf.limit()) {
            int id = buf.getInt(pos);
            int size = buf.getInt(pos + 4);
            int body = pos + 8;
            if (size < 0 || body + size > buf.limit()) {
                size = buf.limit() - body;
            }
            if (id == 0x20746d66) { // "fmt "
                format = buf.getShort(body) & 0xffff;
                channels = buf.getShort(body + 2);
                rate = buf.getInt(body + 4);
                bits = buf.getShort(body + 14);
            } else if (id == 0x61746164) { // "data"
                if (format != 1 || bits != 16 || channels < 1 || rate <= 0) {
                    throw new IOException(file + " must be 16-bit PCM (found format " + format + ", " + bits + " bits).");
                }
                return toMono48k(buf, body, size, channels, rate);
            }
            pos = body + size + (size & 1);
        }
        throw new IOException(file + " has no audio data.");
    }

    private static short[] toMono48k(ByteBuffer buf, int offset, int size, int channels, int rate) {
        int frames = size / (2 * channels);
        double[] mono = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += buf.getShort(offset + 2 * (f * channels + c));
            }
            mono[f] = sum / channels;
        }
        if (rate == Pcm.SAMPLE_RATE) {
            short[] out = new short[frames];
            for (int i = 0; i < frames; i++) {
                out[i] = Pcm.clip(mono[i]);
            }
            return out;
        }
        int outFrames = (int) ((long) frames * Pcm.SAMPLE_RATE / rate);
        short[] out = new short[outFrames];
        for (int i = 0; i < outFrames; i++) {
            double src = (double) i * rate / Pcm.SAMPLE_RATE;
            int a = (int) src;
            int b = Math.min(a + 1, frames - 1);
            double frac = src - a;
            out[i] = Pcm.clip(mono[a] * (1 - frac) + mono[b] * frac);
        }
        return out;
    }
}
