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
     * @param password   the answer to this connection's challenge for a password room, empty without one
     */
    record Join(String room, String name, Optional<String> peerId, Optional<byte[]> secretHash,
                boolean isPublic, List<String> tags, Optional<PasswordAnswer> password) implements Inbound {
        public Join(String room, String name, Optional<String> peerId, Optional<byte[]> secretHash,
                    boolean isPublic, List<String> tags) {
            this(room, name, peerId, secretHash, isPublic, tags, Optional.empty());
        }
    }

    /**
     * What a joiner of a password room sends (decision 0018): the room's verifier (a raw Ed25519
     * public key, 32 bytes, that the client derived from the password) and its signature (64 bytes)
     * over the relay's challenge, the room and the joiner's peer id. Never the password.
     */
    record PasswordAnswer(byte[] verifier, byte[] signature) {
    }

    /** Asks for a fresh challenge to answer in the next {@code join} of a password room. */
    record Challenge() implements Inbound {
    }

    record Leave() implements Inbound {
    }

    /**
     * {@code payload} is the JSON text of an object, checked to be well-formed and passed on as it
     * came, never looked into.
     */
    record Signal(String to, String payload) implements Inbound {
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
