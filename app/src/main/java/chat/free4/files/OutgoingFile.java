package chat.free4.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads one file in {@link ChunkFrame#CHUNK_BYTES} pieces for sending. */
final class OutgoingFile implements AutoCloseable {
    private final FileChannel in;
    private final long size;
    private long read;

    OutgoingFile(Path file, long size) throws IOException {
        this.in = FileChannel.open(file, StandardOpenOption.READ);
        this.size = size;
    }

    boolean hasMore() {
        return read < size;
    }

    long read() {
        return read;
    }

    /** Next chunk; shorter only at the end. @throws IOException if the file shrank or vanished */
    byte[] nextChunk() throws IOException {
        int length = (int) Math.min(ChunkFrame.CHUNK_BYTES, size - read);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, read + buffer.position()) < 0) {
                throw new IOException("the file got shorter while it was being sent");
            }
        }
        read += length;
        return buffer.array();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // Read-only file: closing cannot lose data.
        }
    }
}
