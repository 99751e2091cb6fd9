package chat.free4.signaling.lan;

import chat.free4.names.NameRules;
import chat.free4.peer.PeerId;
import chat.free4.signaling.MalformedMessageException;
import chat.free4.signaling.SignalPayloadCodec;
import chat.free4.signaling.lan.discovery.LanAnnouncement;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static chat.free4.signaling.JsonFields.field;
import static chat.free4.signaling.JsonFields.integer;
import static chat.free4.signaling.JsonFields.string;

/**
 * JSON for {@link DirectMessage}. Payloads are the relay's too ({@link SignalPayloadCodec}).
 * Decoding validates every field and throws
 * {@link DirectProtocolException} with a reason; it never throws anything else.
 */
final class DirectMessageCodec {
    /** Base64 of an Ed25519 key (44 bytes X.509) or signature (64 bytes) is far shorter. */
    private static final int MAX_KEY_CHARS = 256;

    private DirectMessageCodec() {
    }

    static byte[] encode(DirectMessage message) {
        JsonObject json = new JsonObject();
        if (message instanceof DirectMessage.Hello hello) {
            json.addProperty("type", "hello");
            json.addProperty("v", hello.version());
            // A password room is named by its blinded id only, here as in mDNS (decision 0020).
            json.addProperty(hello.blinded() ? "blind" : "room", hello.room());
            json.addProperty("peerId", hello.peerId().value());
            json.addProperty("name", hello.name());
            json.addProperty("port", hello.port());
            json.addProperty("key", hello.key());
            json.addProperty("proof", hello.proof());
            if (hello.blinded()) {
                json.addProperty("roomProof", hello.roomProof());
            }
        } else if (message instanceof DirectMessage.Challenge challenge) {
            json.addProperty("type", "challenge");
            json.addProperty("nonce", challenge.nonce());
        } else if (message instanceof DirectMessage.Signal signal) {
            json.addProperty("type", "signal");
            json.add("payload", SignalPayloadCodec.encode(signal.payload()));
        } else if (message instanceof DirectMessage.Ping) {
            json.addProperty("type", "ping");
        } else if (message instanceof DirectMessage.Full) {
            json.addProperty("type", "full");
        } else {
            json.addProperty("type", "bye");
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static DirectMessage decode(byte[] frame) throws DirectProtocolException {
        try {
            return read(object(frame));
        } catch (MalformedMessageException e) {
            throw new DirectProtocolException(e.getMessage());
        }
    }

    private static DirectMessage read(JsonObject json) throws MalformedMessageException {
        String type = string(json, "type", 16);
        return switch (type) {
            case "hello" -> hello(json);
            case "challenge" -> challenge(json);
            case "signal" -> new DirectMessage.Signal(SignalPayloadCodec.decode(field(json, "payload")));
            case "ping" -> new DirectMessage.Ping();
            case "bye" -> new DirectMessage.Bye();
            case "full" -> new DirectMessage.Full();
            default -> throw new MalformedMessageException("unknown frame type");
        };
    }

    private static DirectMessage.Hello hello(JsonObject json) throws MalformedMessageException {
        int version = integer(json, "v");
        boolean blinded = json.has("blind");
        if (blinded && json.has("room")) {
            throw new MalformedMessageException("a room name and a blinded room id");
        }
        String room = blinded ? blindedId(string(json, "blind", 64)) : NameRules.room(string(json, "room", 256))
                .orElseThrow(() -> new MalformedMessageException("invalid room name"));
        String name = NameRules.displayName(string(json, "name", 256))
                .orElseThrow(() -> new MalformedMessageException("invalid display name"));
        PeerId peerId;
        try {
            peerId = new PeerId(string(json, "peerId", 64));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("invalid peer id");
        }
        int port = integer(json, "port");
        if (port < 1 || port > 65535) {
            throw new MalformedMessageException("invalid port");
        }
        // Checked by LanIdentity.verify: here only bounded.
        String key = string(json, "key", MAX_KEY_CHARS);
        String proof = string(json, "proof", MAX_KEY_CHARS);
        // Checked by LanRoomSecret.verify.
        String roomProof = blinded ? string(json, "roomProof", MAX_KEY_CHARS) : "";
        return new DirectMessage.Hello(version, room, peerId, name, port, key, proof, blinded, roomProof);
    }

    private static String blindedId(String raw) throws MalformedMessageException {
        if (!LanAnnouncement.BLINDED_ID.matcher(raw).matches()) {
            throw new MalformedMessageException("invalid blinded room id");
        }
        return raw;
    }

    private static DirectMessage.Challenge challenge(JsonObject json) throws MalformedMessageException {
        String nonce = string(json, "nonce", MAX_KEY_CHARS);
        try {
            if (java.util.Base64.getDecoder().decode(nonce).length != LanIdentity.NONCE_BYTES) {
                throw new MalformedMessageException("challenge of the wrong size");
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("challenge is not base64");
        }
        return new DirectMessage.Challenge(nonce);
    }

    private static JsonObject object(byte[] frame) throws MalformedMessageException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame)).toString();
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw new MalformedMessageException("frame is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("frame is not UTF-8");
        } catch (JsonParseException | StackOverflowError e) {
            throw new MalformedMessageException("frame is not JSON");
        }
    }
}
