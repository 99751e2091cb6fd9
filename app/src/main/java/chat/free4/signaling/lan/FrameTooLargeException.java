package chat.free4.signaling.lan;

import java.io.IOException;

/** A peer announced a frame larger than we accept; the connection is dropped before buffering it. */
final class FrameTooLargeException extends IOException {
    FrameTooLargeException(int size, int limit) {
        super("Frame of " + size + " bytes is larger than the limit of " + limit + " bytes");
    }
}
