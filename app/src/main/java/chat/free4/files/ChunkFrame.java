package chat.free4.files;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * One piece of file content on the wire: {@code [transfer id: 16 bytes][data]}, sent as a binary
 * data channel message. The channel is reliable and ordered, so no offset is needed.
 */
public record ChunkFrame(UUID transferId, byte[] data, int offset, int length) {
    /**
     * 64 KiB: well under the 256 KiB SCTP max-message-size libwebrtc and browsers accept; against
     * 16 KiB it doubled throughput here (docs/BENCHMARKS.md).
     */
    public static final int CHUNK_BYTES = 64 * 1024;
    static final int HEADER_BYTES = 16;

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + length);
        out.putLong(transferId.getMostSignificantBits()).putLong(transferId.getLeastSignificantBits());
        out.put(data, offset, length);
        return out.array();
    }

    /** @throws IllegalArgumentException if the frame is too short or too long */
    public static ChunkFrame decode(byte[] frame) {
        if (frame.length <= HEADER_BYTES || frame.length > HEADER_BYTES + CHUNK_BYTES) {
            throw new IllegalArgumentException("file chunk of " + frame.length + " bytes is out of range");
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        UUID id = new UUID(in.getLong(), in.getLong());
        return new ChunkFrame(id, frame, HEADER_BYTES, frame.length - HEADER_BYTES);
    }
}
