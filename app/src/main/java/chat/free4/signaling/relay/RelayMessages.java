package chat.free4.signaling.relay;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalPayloadCodec;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Builds and reads protocol v1 messages (docs/PROTOCOL.md). */
final class RelayMessages {
    /**
     * Largest text message we accept from a relay. The relay's frames can be 1 KiB over its own
     * frame limit (64 KiB by default, configurable), and room lists grow with the page size.
     */
    static final int MAX_INCOMING_TEXT_BYTES = 256 * 1024;
    /** Peers a free4chat mesh holds, this one included (docs/PROTOCOL.md: the relay's default). */
    static final int MESH_LIMIT = 8;

    private RelayMessages() {
    }

    static String join(RoomRequest request, String secret) {
        return joinObject(request, secret).toString();
    }

    /**
     * A join into a password room: the verifier and the signature over this connection's challenge
     * (decision 0018). Neither the password nor the private key is in it.
     */
    static String join(RoomRequest request, String secret, RoomPasswordKey key, byte[] nonce) {
        JsonObject o = joinObject(request, secret);
        JsonObject password = new JsonObject();
        password.addProperty("verifier", java.util.Base64.getEncoder().encodeToString(key.verifier()));
        password.addProperty("proof", java.util.Base64.getEncoder().encodeToString(
                key.sign(nonce, request.room(), request.selfId().value())));
        o.add("password", password);
        return o.toString();
    }

    private static JsonObject joinObject(RoomRequest request, String secret) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "join");
        o.addProperty("room", request.room());
        o.addProperty("name", request.displayName());
        o.addProperty("peerId", request.selfId().value());
        o.addProperty("secret", secret);
        o.addProperty("public", request.isPublic());
        if (!request.tags().isEmpty()) {
            JsonArray tags = new JsonArray();
            request.tags().forEach(tags::add);
            o.add("tags", tags);
        }
        return o;
    }

    static String signal(PeerId to, SignalPayload payload) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "signal");
        o.addProperty("to", to.value());
        o.add("payload", SignalPayloadCodec.encode(payload));
        return o.toString();
    }

    static String simple(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        return o.toString();
    }

    /** A peer as the relay reports it, with its name made fit to show; null when its id is not valid. */
    static PeerInfo peer(JsonObject o) {
        if (o == null) {
            return null;
        }
        JsonElement id = o.get("peerId");
        if (id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString()) {
            return null;
        }
        PeerId peerId;
        try {
            peerId = new PeerId(id.getAsString());
        } catch (IllegalArgumentException invalid) {
            return null;
        }
        JsonElement name = o.get("name");
        return new PeerInfo(peerId, RelayPeerNames.clean(name != null && name.isJsonPrimitive() ? name.getAsString() : null));
    }

    /** The valid peers of {@code field}; entries that are not peers are left out. */
    static List<PeerInfo> peers(JsonObject o, String field) {
        List<PeerInfo> list = new ArrayList<>();
        if (o.has(field) && o.get(field).isJsonArray()) {
            for (JsonElement e : o.getAsJsonArray(field)) {
                PeerInfo peer = e.isJsonObject() ? peer(e.getAsJsonObject()) : null;
                if (peer != null) {
                    list.add(peer);
                }
            }
        }
        return list;
    }

    /**
     * The room's size limit from {@code joined}, clamped to what a mesh can hold: a relay's 0, a
     * negative number, a missing or garbled field or anything above the mesh limit gives the mesh
     * limit, never "no limit".
     */
    static int maxPeers(JsonObject joined) {
        JsonElement e = joined.get("maxPeers");
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return MESH_LIMIT;
        }
        double value = e.getAsDouble();
        return value >= 2 && value <= MESH_LIMIT ? (int) value : MESH_LIMIT;
    }

    /** Whether a {@code joined} says the room is listed; relays older than this field say nothing (false). */
    static boolean isListed(JsonObject joined) {
        JsonElement e = joined.get("public");
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    /** A {@code challenge}'s nonce: base64 of 16 to 64 bytes, else null. */
    static byte[] nonce(JsonObject challenge) {
        JsonElement e = challenge.get("nonce");
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().length() > 128) {
            return null;
        }
        try {
            byte[] nonce = java.util.Base64.getDecoder().decode(e.getAsString());
            return nonce.length >= 16 && nonce.length <= 64 ? nonce : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** An error's {@code retryAfter} in seconds, or 0 when absent or not a positive number. */
    static long retryAfterSeconds(JsonObject error) {
        JsonElement e = error.get("retryAfter");
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return 0;
        }
        double seconds = e.getAsDouble();
        return seconds > 0 && seconds < 86_400 ? (long) Math.ceil(seconds) : 0;
    }

    static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
