package chat.free4.relay.rooms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * A password room's verifier: the Ed25519 public key its creator derived from the password
 * (decision 0018). The relay only ever checks signatures against it with the JDK's own Ed25519;
 * it never sees the password, the KDF's output or the private key.
 */
public final class RoomPassword {
    /** What a joiner signs starts with this, so the signature means nothing anywhere else. */
    public static final String CONTEXT = "free4chat-room-password-v1";
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the raw key follows. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final byte[] raw;
    private final PublicKey key;

    private RoomPassword(byte[] raw, PublicKey key) {
        this.raw = raw;
        this.key = key;
    }

    /** @return null when the 32 bytes are not an Ed25519 public key */
    static RoomPassword of(byte[] raw) {
        try {
            byte[] der = new byte[X509_PREFIX.length + raw.length];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            return new RoomPassword(raw.clone(), key);
        } catch (GeneralSecurityException | RuntimeException invalid) {
            return null;
        }
    }

    /** Whether {@code signature} signs {@link #signedText} of these values with this verifier's key. */
    boolean verifies(byte[] nonce, String room, String peerId, byte[] signature) {
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key);
            check.update(signedText(nonce, room, peerId));
            return check.verify(signature);
        } catch (GeneralSecurityException | RuntimeException invalid) {
            return false;
        }
    }

    byte[] raw() {
        return raw.clone();
    }

    /**
     * The bytes a joiner signs: {@link #CONTEXT}, then the challenge nonce, the room name (trimmed,
     * as the join names it) and the joiner's peer id, each as a 4-byte big-endian length and its
     * bytes (UTF-8). The app builds the same bytes (signaling.relay.RoomPasswordProof).
     */
    public static byte[] signedText(byte[] nonce, String room, String peerId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : new byte[][] {CONTEXT.getBytes(StandardCharsets.UTF_8), nonce,
                room.getBytes(StandardCharsets.UTF_8), peerId.getBytes(StandardCharsets.UTF_8)}) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
            out.writeBytes(field);
        }
        return out.toByteArray();
    }
}
