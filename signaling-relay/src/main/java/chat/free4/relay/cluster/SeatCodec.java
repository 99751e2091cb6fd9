package chat.free4.relay.cluster;

import chat.free4.names.NameRules;
import chat.free4.relay.rooms.SeatDirectory;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Seats and rooms as JSON in Redis ({@code {"n","k","i","s"}} and {@code {"n","p","t","v"}}; the
 * Lua scripts read the same fields). What comes back from Redis is checked like input from a
 * stranger: a value that is too long or of the wrong shape is refused, never trusted.
 */
final class SeatCodec {
    static final Pattern INSTANCE = Pattern.compile("[0-9a-f]{16}");
    /** Generous bounds: names and room names are a few dozen code points (NameRules). */
    private static final int MAX_TEXT = 4 * NameRules.MAX_ROOM_LENGTH;
    private static final int MAX_META = 2048;

    private SeatCodec() {
    }

    static String seat(SeatDirectory.Seat seat) {
        JsonObject o = new JsonObject();
        o.addProperty("n", seat.name());
        o.addProperty("k", seat.nameKey());
        o.addProperty("i", seat.instance());
        o.addProperty("s", seat.secretHashHex());
        return o.toString();
    }

    static String meta(SeatDirectory.RoomMeta meta) {
        JsonObject o = new JsonObject();
        o.addProperty("n", meta.name());
        o.addProperty("p", meta.isPublic());
        JsonArray tags = new JsonArray();
        meta.tags().forEach(tags::add);
        o.add("t", tags);
        o.addProperty("v", verifier(meta.verifier()));
        return o.toString();
    }

    /** How a verifier is written, in the room's JSON and in a claim: base64, "" for none. */
    static String verifier(byte[] raw) {
        return raw == null ? "" : Base64.getEncoder().encodeToString(raw);
    }

    /** @throws IllegalArgumentException if the text is not a room as this relay writes them */
    static SeatDirectory.RoomMeta parseMeta(String text) {
        if (text == null || text.length() > MAX_META) {
            throw new IllegalArgumentException("room record missing or too long");
        }
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            String name = bounded(o.get("n"));
            boolean isPublic = o.get("p").getAsBoolean();
            List<String> tags = new ArrayList<>();
            JsonArray array = o.getAsJsonArray("t");
            if (array.size() > NameRules.MAX_TAGS) {
                throw new IllegalArgumentException("too many tags");
            }
            for (JsonElement tag : array) {
                String t = bounded(tag);
                if (!NameRules.tag(t)) {
                    throw new IllegalArgumentException("bad tag");
                }
                tags.add(t);
            }
            String v = o.get("v").getAsString();
            byte[] verifier = null;
            if (!v.isEmpty()) {
                verifier = Base64.getDecoder().decode(v);
                if (verifier.length != 32) {
                    throw new IllegalArgumentException("bad verifier");
                }
            }
            return new SeatDirectory.RoomMeta(name, isPublic, tags, verifier);
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("malformed room record", malformed);
        }
    }

    /** A seat from a script's flat answer: peer id, name, instance. */
    static SeatDirectory.Seat seat(Object peerId, Object name, Object instance) {
        if (!(peerId instanceof String id) || !(name instanceof String n) || !(instance instanceof String i)
                || !NameRules.peerId(id) || n.length() > MAX_TEXT || !INSTANCE.matcher(i).matches()) {
            throw new IllegalArgumentException("malformed seat");
        }
        return new SeatDirectory.Seat(id, n, "", i, "");
    }

    private static String bounded(JsonElement element) {
        String text = element.getAsString();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text empty or too long");
        }
        return text;
    }
}
