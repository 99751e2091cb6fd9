package chat.free4.signaling.relay;

import chat.free4.signaling.RoomPassword;
import java.net.URI;

/** For tests elsewhere: what a password room's key is made of, to look for it where it must not be. */
public final class RoomPasswordKeys {
    private RoomPasswordKeys() {
    }

    /** The private seed the app derives (the KDF runs again, at full cost). */
    public static byte[] seed(RoomPassword password, URI relay, String room) {
        return RoomPasswordKey.seed(password, relay, room, RoomPasswordKey.MEMORY_KIB, RoomPasswordKey.ITERATIONS);
    }

    /** The verifier (raw public key) the relay gets. */
    public static byte[] verifier(RoomPassword password, URI relay, String room) {
        return RoomPasswordKey.derive(password, relay, room).verifier();
    }
}
