package chat.free4.signaling.lan.discovery;

import java.io.IOException;

/** LAN mode cannot start (no usable interface, mDNS socket refused); the message is for a person. */
public class LanUnavailableException extends IOException {
    public LanUnavailableException(String message) {
        super(message);
    }

    public LanUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
