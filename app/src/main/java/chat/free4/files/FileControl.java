package chat.free4.files;

import chat.free4.data.Untrusted;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Control messages of the file protocol, as UTF-8 JSON text messages on the "files" channel:
 * offer → accept | decline; chunks; done → verified | failed; cancel from either side.
 */
public record FileControl(Type type, UUID id, String name, long size, String sha256, String reason) {
    private static final Gson GSON = new Gson();
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_FRAME = 4096;

    public enum Type { OFFER, ACCEPT, DECLINE, DONE, VERIFIED, FAILED, CANCEL }

    public static FileControl offer(UUID id, String name, long size, String sha256) {
        return new FileControl(Type.OFFER, id, name, size, sha256, "");
    }

    public static FileControl of(Type type, UUID id, String reason) {
        return new FileControl(type, id, "", 0, "", reason);
    }

    private static final class Wire {
        String type;
        String id;
        String name;
        long size;
        String sha256;
        String reason;
    }

    public byte[] encode() {
        Wire w = new Wire();
        w.type = type.name().toLowerCase();
        w.id = id.toString();
        w.name = name;
        w.size = size;
        w.sha256 = sha256;
        w.reason = reason;
        return GSON.toJson(w).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException for anything malformed */
    public static FileControl decode(byte[] data) {
        if (data.length > MAX_FRAME) {
            throw new IllegalArgumentException("file control message too large");
        }
        Wire w;
        try {
            w = GSON.fromJson(new String(data, StandardCharsets.UTF_8), Wire.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("file control message is not valid JSON", e);
        }
        if (w == null || w.type == null || w.id == null) {
            throw new IllegalArgumentException("file control message lacks type or id");
        }
        // Our own reasons, not the parsers': theirs quote the peer's text (up to the frame size).
        Type type = parseType(w.type);
        UUID id;
        try {
            id = UUID.fromString(w.id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file control message has an invalid id");
        }
        String reason = w.reason == null ? "" : Untrusted.forDisplay(w.reason, 300);
        if (type == Type.OFFER) {
            if (w.name == null || w.name.isBlank() || w.size < 0 || w.sha256 == null
                    || !HEX64.matcher(w.sha256).matches()) {
                throw new IllegalArgumentException("file offer lacks a name, size or SHA-256");
            }
            return new FileControl(type, id, safeName(w.name), w.size, w.sha256, reason);
        }
        return new FileControl(type, id, "", 0, "", reason);
    }

    /** A peer's file name, made safe to show and to suggest in a save dialog ({@link SafeFileName}). */
    static String safeName(String name) {
        return SafeFileName.of(name);
    }

    private static Type parseType(String type) {
        for (Type t : Type.values()) {
            if (t.name().equalsIgnoreCase(type)) {
                return t;
            }
        }
        throw new IllegalArgumentException("file control message has an unknown type");
    }
}
