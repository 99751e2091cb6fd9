package chat.free4.signaling.lan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Direct signaling framing: a 4-byte big-endian length, then that many bytes of UTF-8 JSON. The
 * length is checked against the limit before any buffer is allocated.
 */
final class Frames {
    /** The relay's frame limit too (docs/PROTOCOL.md): an SDP with many candidates fits easily. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private Frames() {
    }

    static byte[] read(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > MAX_FRAME_BYTES) {
            throw new FrameTooLargeException(size, MAX_FRAME_BYTES);
        }
        byte[] frame = new byte[size];
        in.readFully(frame);
        return frame;
    }

    static void write(DataOutputStream out, byte[] frame) throws IOException {
        if (frame.length > MAX_FRAME_BYTES) {
            throw new FrameTooLargeException(frame.length, MAX_FRAME_BYTES);
        }
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }
}
