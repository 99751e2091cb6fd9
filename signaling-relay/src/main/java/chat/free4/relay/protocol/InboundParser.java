package chat.free4.relay.protocol;

import chat.free4.names.NameRules;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one text frame into an {@link Inbound}, or refuses it with the error code the protocol
 * names. Never looks inside a {@code signal} payload.
 */
public final class InboundParser {
    public static final int DEFAULT_LIST_LIMIT = 20;
    public static final int MAX_LIST_LIMIT = 100;
    private static final int MIN_SECRET_LENGTH = 8;
    private static final int MAX_SECRET_LENGTH = 128;
    /** Deeper JSON is refused; stops stack-hungry payloads before anything recurses over them. */
    private static final int MAX_NESTING = 64;

    public Inbound parse(String text) throws RefusedException {
        // Nearly every message is a signal: recognise it without a JSON tree, and leave anything
        // the scanner is not sure of to the general parser below.
        Inbound.Signal plain = new SignalScanner(MAX_NESTING - 1).scan(text);
        if (plain != null) {
            return plain;
        }
        JsonObject message = parseObject(text);
        JsonElement typeElement = message.get("type");
        if (typeElement == null || !isString(typeElement)) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE, "Every message needs a string field \"type\".", null);
        }
        String type = typeElement.getAsString();
        return switch (type) {
            case "join" -> join(message);
            case "leave" -> new Inbound.Leave();
            case "signal" -> signal(message);
            case "list" -> list(message);
            case "ping" -> new Inbound.Ping(message.get("id"));
            case "refresh-ice" -> new Inbound.RefreshIce();
            case "challenge" -> new Inbound.Challenge();
            default -> throw new RefusedException(ErrorCode.UNKNOWN_TYPE,
                    "This relay does not know the message type \"" + printable(type) + "\".", printable(type));
        };
    }

    private static JsonObject parseObject(String text) throws RefusedException {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_NESTING);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw badJson();
            }
            JsonElement element = Streams.parse(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw badJson();
            }
            return element.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException | ArithmeticException e) {
            throw badJson();
        }
    }

    private static RefusedException badJson() {
        return new RefusedException(ErrorCode.BAD_JSON, "A message must be one JSON object in a text frame.", null);
    }

    private static Inbound.Join join(JsonObject m) throws RefusedException {
        String rawRoom = requiredString(m, "room", "join");
        String rawName = requiredString(m, "name", "join");
        Optional<String> peerId = optionalString(m, "peerId", "join");
        Optional<String> secret = optionalString(m, "secret", "join");
        boolean isPublic = optionalBoolean(m, "public", "join", true);
        List<String> tags = optionalStringArray(m, "tags", "join");
        Optional<Inbound.PasswordAnswer> password = passwordAnswer(m);
        if (password.isPresent() && peerId.isEmpty()) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE,
                    "A join with a password answer needs its \"peerId\" (the answer signs it).", "join");
        }

        String room = NameRules.room(rawRoom)
                .orElseThrow(() -> new RefusedException(ErrorCode.INVALID_ROOM_NAME, NameRules.ROOM_RULE, "join"));
        if (NameSkeleton.isInvisible(room)) {
            throw new RefusedException(ErrorCode.INVALID_ROOM_NAME, "A room name needs at least one visible character.",
                    "join");
        }
        String name = NameRules.displayName(rawName)
                .orElseThrow(() -> new RefusedException(ErrorCode.INVALID_NAME, NameRules.NAME_RULE, "join"));
        if (NameSkeleton.isInvisible(name)) {
            throw new RefusedException(ErrorCode.INVALID_NAME,
                    "A display name needs at least one visible character.", "join");
        }
        if (peerId.isPresent() && !NameRules.peerId(peerId.get())) {
            throw new RefusedException(ErrorCode.INVALID_PEER_ID, NameRules.PEER_ID_RULE, "join");
        }
        if (secret.isPresent() && !validSecret(secret.get())) {
            throw new RefusedException(ErrorCode.INVALID_PEER_ID,
                    "A secret is 8 to 128 characters without control characters.", "join");
        }
        if (!NameRules.tags(tags)) {
            throw new RefusedException(ErrorCode.INVALID_TAGS, NameRules.TAGS_RULE, "join");
        }
        return new Inbound.Join(room, name, peerId, secret.map(InboundParser::sha256), isPublic,
                List.copyOf(tags), password);
    }

    /** {@code password: {verifier, proof}}: base64 of 32 and 64 bytes. */
    private static Optional<Inbound.PasswordAnswer> passwordAnswer(JsonObject m) throws RefusedException {
        JsonElement e = m.get("password");
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        RefusedException wrong = new RefusedException(ErrorCode.BAD_MESSAGE, "\"password\" must be an object with "
                + "\"verifier\" (base64, 32 bytes) and \"proof\" (base64, 64 bytes).", "join");
        if (!e.isJsonObject()) {
            throw wrong;
        }
        JsonObject o = e.getAsJsonObject();
        byte[] verifier = base64(o.get("verifier"), 32, wrong);
        byte[] proof = base64(o.get("proof"), 64, wrong);
        return Optional.of(new Inbound.PasswordAnswer(verifier, proof));
    }

    private static byte[] base64(JsonElement e, int length, RefusedException wrong) throws RefusedException {
        if (e == null || !isString(e) || e.getAsString().length() > 128) {
            throw wrong;
        }
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(e.getAsString());
            if (bytes.length != length) {
                throw wrong;
            }
            return bytes;
        } catch (IllegalArgumentException notBase64) {
            throw wrong;
        }
    }

    private static Inbound.Signal signal(JsonObject m) throws RefusedException {
        String to = requiredString(m, "to", "signal");
        JsonElement payload = m.get("payload");
        if (payload == null || !payload.isJsonObject()) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE, "A signal needs an object field \"payload\".", "signal");
        }
        return new Inbound.Signal(to, payload.getAsJsonObject().toString());
    }

    private static Inbound.ListRooms list(JsonObject m) throws RefusedException {
        Optional<String> tag = optionalString(m, "tag", "list");
        if (tag.isPresent() && !NameRules.tag(tag.get())) {
            throw new RefusedException(ErrorCode.INVALID_TAGS, NameRules.TAG_RULE, "list");
        }
        int offset = optionalInt(m, "offset", "list", 0);
        int limit = optionalInt(m, "limit", "list", DEFAULT_LIST_LIMIT);
        if (offset < 0 || limit < 1) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE,
                    "\"offset\" must be 0 or more and \"limit\" 1 or more.", "list");
        }
        return new Inbound.ListRooms(tag, offset, Math.min(limit, MAX_LIST_LIMIT));
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static String requiredString(JsonObject m, String field, String type) throws RefusedException {
        JsonElement e = m.get(field);
        if (e == null || !isString(e)) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE,
                    "A " + type + " needs a string field \"" + field + "\".", type);
        }
        return e.getAsString();
    }

    private static Optional<String> optionalString(JsonObject m, String field, String type) throws RefusedException {
        JsonElement e = m.get(field);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!isString(e)) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE, "\"" + field + "\" must be a string.", type);
        }
        return Optional.of(e.getAsString());
    }

    private static boolean optionalBoolean(JsonObject m, String field, String type, boolean fallback)
            throws RefusedException {
        JsonElement e = m.get(field);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE, "\"" + field + "\" must be true or false.", type);
        }
        return e.getAsBoolean();
    }

    private static int optionalInt(JsonObject m, String field, String type, int fallback) throws RefusedException {
        JsonElement e = m.get(field);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        RefusedException wrong = new RefusedException(ErrorCode.BAD_MESSAGE,
                "\"" + field + "\" must be a whole number.", type);
        if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw wrong;
        }
        String text = e.getAsString();
        if (text.length() > 20) {
            throw wrong; // also keeps BigDecimal away from 1e999999999-style input
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return value.intValueExact();
        } catch (NumberFormatException | ArithmeticException ex) {
            throw wrong;
        }
    }

    private static List<String> optionalStringArray(JsonObject m, String field, String type) throws RefusedException {
        JsonElement e = m.get(field);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        RefusedException wrong = new RefusedException(ErrorCode.BAD_MESSAGE,
                "\"" + field + "\" must be an array of strings.", type);
        if (!e.isJsonArray()) {
            throw wrong;
        }
        JsonArray array = e.getAsJsonArray();
        List<String> values = new ArrayList<>(array.size());
        for (JsonElement item : array) {
            if (!isString(item)) {
                throw wrong;
            }
            values.add(item.getAsString());
        }
        return values;
    }

    /** Type names are echoed in errors; keep them short and printable. */
    private static String printable(String value) {
        String cut = value.length() > 32 ? value.substring(0, 32) : value;
        return cut.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f) ? cut : "?";
    }

    /** A session secret: 8 to 128 characters, none of them a control character of the protocol. */
    private static boolean validSecret(String value) {
        int length = value.codePointCount(0, value.length());
        return length >= MIN_SECRET_LENGTH && length <= MAX_SECRET_LENGTH
                && value.codePoints().noneMatch(NameRules::isControl);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
