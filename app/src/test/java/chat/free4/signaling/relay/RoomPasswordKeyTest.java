package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.free4.peer.PeerId;
import chat.free4.signaling.RoomPassword;
import chat.free4.signaling.RoomRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The password never prints; the key depends on password, relay and room, and on nothing else. */
class RoomPasswordKeyTest {
    private static final URI RELAY = URI.create("ws://relay.example.org:8443/v1");

    private static byte[] verifier(String password, URI relay, String room) {
        // Small parameters: these tests are about inputs, the real cost is in the benchmark.
        return RoomPasswordKey.derive(RoomPassword.of(password.toCharArray()), relay, room, 1024, 1).verifier();
    }

    @Test
    void thePasswordIsNeverPrinted() {
        RoomPassword password = RoomPassword.of("hunter2-secret".toCharArray());
        RoomRequest request = new RoomRequest("vault", "ada", PeerId.random(), false, List.of()).withPassword(password);
        assertFalse(password.toString().contains("hunter2"));
        assertFalse(request.toString().contains("hunter2"), request.toString());
        assertFalse(RoomPasswordKey.derive(password, RELAY, "vault", 1024, 1).toString().contains("hunter2"));
        assertThrows(IllegalArgumentException.class, () -> RoomPassword.of(new char[0]));
    }

    @Test
    void theKeyDependsOnPasswordRelayAndRoom() {
        byte[] base = verifier("pw-one", RELAY, "vault");
        assertArrayEquals(base, verifier("pw-one", RELAY, "vault"), "deterministic");
        assertArrayEquals(base, verifier("pw-one", URI.create("WS://Relay.Example.org:8443/v1"), " vault "),
                "case of scheme and host, and the room's outer spaces, do not matter");
        assertFalse(Arrays.equals(base, verifier("pw-two", RELAY, "vault")));
        assertFalse(Arrays.equals(base, verifier("pw-one", URI.create("ws://other.example.org:8443/v1"), "vault")));
        assertFalse(Arrays.equals(base, verifier("pw-one", RELAY, "vault2")));
        assertEquals("ws://relay.example.org:80/v1", RoomPasswordKey.relayIdentity(URI.create("ws://relay.example.org/v1")));
        assertEquals("wss://relay.example.org:443/v1", RoomPasswordKey.relayIdentity(URI.create("wss://relay.example.org/v1")));
    }

    @Test
    void aDecomposedPasswordIsTheSameAsItsComposedForm() {
        assertArrayEquals(verifier("caf\u00e9", RELAY, "vault"), verifier("cafe\u0301", RELAY, "vault"));
    }
}
