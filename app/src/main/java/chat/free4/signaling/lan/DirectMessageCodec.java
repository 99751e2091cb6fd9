package chat.free4.signaling.lan;

import chat.free4.signaling.lan.discovery.NameRules;
import chat.free4.peer.PeerId;
import chat.free4.signaling.SignalPayload;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON for {@link DirectMessage}. Payloads use the convention of docs/PROTOCOL.md
 * ({@code {"kind":"offer","sdp":...}}). Decoding validates every field and throws
 * {@link DirectProtocolException} with a reason; it never throws anything else.
 */
final class DirectMessageCodec {
    private static final int MAX_CANDIDATE_CHARS = 1024;
    private static final int MAX_MID_CHARS = 64;
    /** Base64 of an Ed25519 key (44 bytes X.509) or signature (64 bytes) is far shorter. */
    private static final int MAX_KEY_CHARS = 256;

    private DirectMessageCodec() {
    }

    static byte[] encode(DirectMessage message) {
        JsonObject json = new JsonObject();
        if (message instanceof DirectMessage.Hello hello) {
            json.addProperty("type", "hello");
            json.addProperty("v", hello.version());
            json.addProperty("room", hello.room());
            json.addProperty("peerId", hello.peerId().value());
            json.addProperty("name", hello.name());
            json.addProperty("port", hello.port());
            json.addProperty("key", hello.key());
            json.addProperty("proof", hello.proof());
        } else if (message instanceof DirectMessage.Challenge challenge) {
            json.addProperty("type", "challenge");
            json.addProperty("nonce", challenge.nonce());
        } else if (message instanceof DirectMessage.Signal signal) {
            json.addProperty("type", "signal");
            json.add("payload", payload(signal.payload()));
        } else if (message instanceof DirectMessage.Ping) {
            json.addProperty("type", "ping");
        } else {
            json.addProperty("type", "bye");
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject payload(SignalPayload payload) {
        JsonObject json = new JsonObject();
        if (payload instanceof SignalPayload.Offer offer) {
            json.addProperty("kind", "offer");
            json.addProperty("sdp", offer.sdp());
        } else if (payload instanceof SignalPayload.Answer answer) {
            json.addProperty("kind", "answer");
            json.addProperty("sdp", answer.sdp());
        } else if (payload instanceof SignalPayload.Candidate candidate) {
            json.addProperty("kind", "candidate");
            json.addProperty("mid", candidate.mid());
            json.addProperty("index", candidate.index());
            json.addProperty("candidate", candidate.candidate());
        }
        return json;
    }

    static DirectMessage decode(byte[] frame) throws DirectProtocolException {
        JsonObject json = object(frame);
        String type = string(json, "type", 16);
        return switch (type) {
            case "hello" -> hello(json);
            case "challenge" -> challenge(json);
            case "signal" -> new DirectMessage.Signal(payload(field(json, "payload")));
            case "ping" -> new DirectMessage.Ping();
            case "bye" -> new DirectMessage.Bye();
            default -> throw new DirectProtocolException("unknown frame type");
        };
    }

    private static DirectMessage.Hello hello(JsonObject json) throws DirectProtocolException {
        int version = integer(json, "v");
        String room = NameRules.room(string(json, "room", 256))
                .orElseThrow(() -> new DirectProtocolException("invalid room name"));
        String name = NameRules.displayName(string(json, "name", 256))
                .orElseThrow(() -> new DirectProtocolException("invalid display name"));
        PeerId peerId;
        try {
            peerId = new PeerId(string(json, "peerId", 64));
        } catch (IllegalArgumentException e) {
            throw new DirectProtocolException("invalid peer id");
        }
        int port = integer(json, "port");
        if (port < 1 || port > 65535) {
            throw new DirectProtocolException("invalid port");
        }
        // Checked by LanIdentity.verify: here only bounded.
        String key = string(json, "key", MAX_KEY_CHARS);
        String proof = string(json, "proof", MAX_KEY_CHARS);
        return new DirectMessage.Hello(version, room, peerId, name, port, key, proof);
    }

    private static DirectMessage.Challenge challenge(JsonObject json) throws DirectProtocolException {
        String nonce = string(json, "nonce", MAX_KEY_CHARS);
        try {
            if (java.util.Base64.getDecoder().decode(nonce).length != LanIdentity.NONCE_BYTES) {
                throw new DirectProtocolException("challenge of the wrong size");
            }
        } catch (IllegalArgumentException e) {
            throw new DirectProtocolException("challenge is not base64");
        }
        return new DirectMessage.Challenge(nonce);
    }

    private static SignalPayload payload(JsonElement element) throws DirectProtocolException {
        if (!element.isJsonObject()) {
            throw new DirectProtocolException("payload is not an object");
        }
        JsonObject json = element.getAsJsonObject();
        String kind = string(json, "kind", 16);
        return switch (kind) {
            case "offer" -> new SignalPayload.Offer(string(json, "sdp", Frames.MAX_FRAME_BYTES));
            case "answer" -> new SignalPayload.Answer(string(json, "sdp", Frames.MAX_FRAME_BYTES));
            case "candidate" -> new SignalPayload.Candidate(string(json, "mid", MAX_MID_CHARS),
                    integer(json, "index"), string(json, "candidate", MAX_CANDIDATE_CHARS));
            default -> throw new DirectProtocolException("unknown payload kind");
        };
    }

    private static JsonObject object(byte[] frame) throws DirectProtocolException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame)).toString();
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw new DirectProtocolException("frame is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (CharacterCodingException e) {
            throw new DirectProtocolException("frame is not UTF-8");
        } catch (JsonParseException | StackOverflowError e) {
            throw new DirectProtocolException("frame is not JSON");
        }
    }

    private static JsonElement field(JsonObject json, String name) throws DirectProtocolException {
        JsonElement element = json.get(name);
        if (element == null || element.isJsonNull()) {
            throw new DirectProtocolException("missing field " + name);
        }
        return element;
    }

    private static String string(JsonObject json, String name, int maxChars) throws DirectProtocolException {
        JsonElement element = field(json, name);
        if (!element.isJsonPrimitive() || !((JsonPrimitive) element).isString()) {
            throw new DirectProtocolException("field " + name + " is not a string");
        }
        String value = element.getAsString();
        if (value.length() > maxChars) {
            throw new DirectProtocolException("field " + name + " is too long");
        }
        return value;
    }

    private static int integer(JsonObject json, String name) throws DirectProtocolException {
        JsonElement element = field(json, name);
        if (!element.isJsonPrimitive() || !((JsonPrimitive) element).isNumber()) {
            throw new DirectProtocolException("field " + name + " is not a number");
        }
        try {
            return element.getAsBigDecimal().intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DirectProtocolException("field " + name + " is not an integer");
        }
    }
}
