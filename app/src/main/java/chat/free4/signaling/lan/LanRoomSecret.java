package chat.free4.signaling.lan;

import chat.free4.names.NameRules;
import chat.free4.peer.PeerId;
import chat.free4.signaling.PasswordKdf;
import chat.free4.signaling.RoomPassword;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a LAN password room is known by (decision 0020). The password goes through the password
 * rooms' KDF ({@link PasswordKdf}, salted with a LAN context and the room name); from its output
 * come the blinded room id announced over mDNS instead of the name, and the key of the room proof
 * a caller's hello carries. Recognising the id, or checking a proof, costs a guesser one KDF run
 * per (room, password). Neither the password nor the KDF's output is kept.
 */
final class LanRoomSecret {
    static final String SALT_CONTEXT = "free4chat-lan-room-key-v1";
    static final String ID_LABEL = "free4chat-lan-room-id-v1";
    static final String HELLO_LABEL = "free4chat-lan-room-hello-v1";
    /** 128 bits of the HMAC, in lower-case hex: 32 characters, as {@code blind=} in the TXT record. */
    static final int ID_BYTES = 16;

    private final String blindedId;
    private final SecretKeySpec helloKey;

    private LanRoomSecret(byte[] roomKey) {
        blindedId = HexFormat.of().formatHex(Arrays.copyOf(hmac(roomKey, label(ID_LABEL)), ID_BYTES));
        byte[] hello = hmac(roomKey, label(HELLO_LABEL));
        helloKey = new SecretKeySpec(hello, "HmacSHA256");
        Arrays.fill(hello, (byte) 0);
    }

    /** Runs the KDF (about 0.4 s, on the calling thread). */
    static LanRoomSecret derive(RoomPassword password, String room) {
        return derive(password, room, PasswordKdf.MEMORY_KIB, PasswordKdf.ITERATIONS);
    }

    /** With another KDF cost, for tests. */
    static LanRoomSecret derive(RoomPassword password, String room, int memoryKib, int iterations) {
        byte[] roomKey = PasswordKdf.derive(password, salt(room), memoryKib, iterations);
        try {
            return new LanRoomSecret(roomKey);
        } finally {
            Arrays.fill(roomKey, (byte) 0);
        }
    }

    /** The context and the room as NameRules reads it (trimmed), length-prefixed. */
    static byte[] salt(String room) {
        return PasswordKdf.lengthPrefixed(label(SALT_CONTEXT),
                NameRules.room(room).orElse(room).getBytes(StandardCharsets.UTF_8));
    }

    /** Announced instead of the room's name; equal for everyone with the same room and password. */
    String blindedId() {
        return blindedId;
    }

    /**
     * The room proof of a hello (base64): HMAC over the callee's challenge, the blinded id, the
     * caller's id and key, and the callee's id, so it is worth nothing on another connection.
     */
    String prove(byte[] nonce, PeerId caller, String callerKey, PeerId callee) {
        return Base64.getEncoder().encodeToString(mac(nonce, caller, callerKey, callee));
    }

    /** Whether {@code proof} is this room's proof for that hello; false for anything malformed. */
    boolean verify(String proof, byte[] nonce, PeerId caller, String callerKey, PeerId callee) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(proof);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(nonce, caller, callerKey, callee));
    }

    private byte[] mac(byte[] nonce, PeerId caller, String callerKey, PeerId callee) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(helloKey);
            return mac.doFinal(PasswordKdf.lengthPrefixed(label(HELLO_LABEL), nonce, label(blindedId),
                    label(caller.value()), label(callerKey), label(callee.value())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no HmacSHA256.", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no HmacSHA256.", e);
        }
    }

    private static byte[] label(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "LanRoomSecret[hidden]";
    }
}
