package chat.free4.relay.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/** A message a client sent, already checked against the rules of docs/PROTOCOL.md. */
public sealed interface Inbound {

    /**
     * @param peerId empty when the relay must assign one
     * @param secretHash SHA-256 of the client's secret, empty without one (the secret itself is not kept)
     */
    record Join(String room, String name, Optional<String> peerId, Optional<byte[]> secretHash,
                boolean isPublic, List<String> tags) implements Inbound {
    }

    record Leave() implements Inbound {
    }

    /** {@code payload} is passed on unchanged and never looked into. */
    record Signal(String to, JsonObject payload) implements Inbound {
    }

    record ListRooms(Optional<String> tag, int offset, int limit) implements Inbound {
    }

    /** Asks for the room's STUN/TURN servers again, with freshly minted TURN credentials. */
    record RefreshIce() implements Inbound {
    }

    /** {@code id} is echoed as it came, or null. */
    record Ping(JsonElement id) implements Inbound {
    }
}
