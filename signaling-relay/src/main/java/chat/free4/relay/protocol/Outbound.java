package chat.free4.relay.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/** Builds the relay's messages (docs/PROTOCOL.md, "Relay to client") as JSON text. */
public final class Outbound {

    /** A peer as others see it. */
    public record PeerView(String peerId, String name) {
    }

    /** A listed room. */
    public record RoomView(String room, int members, List<String> tags) {
    }

    private Outbound() {
    }

    public static String joined(String room, String peerId, List<PeerView> peers, int maxPeers) {
        return joined(room, true, peerId, peers, maxPeers, new JsonArray());
    }

    /**
     * @param isPublic   whether the room is listed: decided by its creator, so a joiner that asked
     *                   for a private room learns it is not
     * @param iceServers {@code [{urls, username?, credential?}]} for this peer; always sent, empty when none
     */
    public static String joined(String room, boolean isPublic, String peerId, List<PeerView> peers, int maxPeers,
                                JsonArray iceServers) {
        JsonObject m = typed("joined");
        m.addProperty("room", room);
        m.addProperty("public", isPublic);
        m.addProperty("peerId", peerId);
        JsonArray array = new JsonArray(peers.size());
        peers.forEach(p -> array.add(peer(p)));
        m.add("peers", array);
        m.addProperty("maxPeers", maxPeers);
        m.add("iceServers", iceServers);
        return m.toString();
    }

    public static String peerJoined(PeerView peer) {
        JsonObject m = typed("peer-joined");
        m.add("peer", peer(peer));
        return m.toString();
    }

    public static String peerLeft(String peerId) {
        JsonObject m = typed("peer-left");
        m.addProperty("peerId", peerId);
        return m.toString();
    }

    /**
     * @param from    a peer id (letters, digits, '-' and '_': nothing to escape)
     * @param payload the JSON text of an object, already checked, forwarded as it came
     */
    public static String signal(String from, String payload) {
        return SIGNAL_PREFIX + from + SIGNAL_MIDDLE + payload + '}';
    }

    private static final String SIGNAL_PREFIX = "{\"type\":\"signal\",\"from\":\"";
    private static final String SIGNAL_MIDDLE = "\",\"payload\":";

    public static String rooms(List<RoomView> rooms, int total, int offset) {
        JsonObject m = typed("rooms");
        JsonArray array = new JsonArray(rooms.size());
        for (RoomView room : rooms) {
            JsonObject r = new JsonObject();
            r.addProperty("room", room.room());
            r.addProperty("members", room.members());
            JsonArray tags = new JsonArray(room.tags().size());
            room.tags().forEach(tags::add);
            r.add("tags", tags);
            array.add(r);
        }
        m.add("rooms", array);
        m.addProperty("total", total);
        m.addProperty("offset", offset);
        return m.toString();
    }

    /** The answer to {@code refresh-ice}: the same {@code iceServers} as in {@code joined}, minted now. */
    public static String iceServers(JsonArray iceServers) {
        JsonObject m = typed("ice-servers");
        m.add("iceServers", iceServers);
        return m.toString();
    }

    /** The answer to {@code challenge}: a fresh nonce for the next {@code join} of a password room. */
    public static String challenge(byte[] nonce, int expiresInSeconds) {
        JsonObject m = typed("challenge");
        m.addProperty("nonce", java.util.Base64.getEncoder().encodeToString(nonce));
        m.addProperty("expiresIn", expiresInSeconds);
        return m.toString();
    }

    public static String left() {
        return typed("left").toString();
    }

    public static String pong(JsonElement id) {
        JsonObject m = typed("pong");
        if (id != null && !id.isJsonNull()) {
            m.add("id", id);
        }
        return m.toString();
    }

    public static String error(ErrorCode code, String message, String ref) {
        return error(code, message, ref, 0);
    }

    /** @param retryAfterSeconds sent as {@code retryAfter} when positive */
    public static String error(ErrorCode code, String message, String ref, int retryAfterSeconds) {
        JsonObject m = typed("error");
        m.addProperty("code", code.wire());
        m.addProperty("message", message);
        if (ref != null) {
            m.addProperty("ref", ref);
        }
        if (retryAfterSeconds > 0) {
            m.addProperty("retryAfter", retryAfterSeconds);
        }
        return m.toString();
    }

    private static JsonObject peer(PeerView p) {
        JsonObject o = new JsonObject();
        o.addProperty("peerId", p.peerId());
        o.addProperty("name", p.name());
        return o;
    }

    private static JsonObject typed(String type) {
        JsonObject m = new JsonObject();
        m.addProperty("type", type);
        return m;
    }
}
