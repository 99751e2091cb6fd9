package chat.free4.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 48 kHz mono 16-bit samples to a WAV file; the header is completed on close. */
public final class WavWriter implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private long dataBytes;

    public WavWriter(Path file) throws IOException {
        this.file = file;
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file));
        out.write(header(0));
    }

    public synchronized void write(short[] samples, int count) throws IOException {
        byte[] bytes = new byte[count * 2];
        Pcm.toBytes(samples, count, bytes);
        out.write(bytes);
        dataBytes += bytes.length;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header(dataBytes));
        }
    }

    public static void write(Path file, short[] samples) throws IOException {
        try (WavWriter w = new WavWriter(file)) {
            w.write(samples, samples.length);
        }
    }

    private static byte[] header(long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(Pcm.SAMPLE_RATE).putInt(Pcm.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt((int) dataBytes);
        return b.array();
    }
}
