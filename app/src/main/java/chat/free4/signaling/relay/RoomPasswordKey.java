package chat.free4.signaling.relay;

import chat.free4.names.NameRules;
import chat.free4.signaling.PasswordKdf;
import chat.free4.signaling.RoomPassword;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A password room's key pair on one relay (decision 0018): Argon2id over the password, salted with
 * the relay's address and the room, gives the 32-byte Ed25519 seed. The public key is the room's
 * verifier, which the relay keeps while the room exists; the private key only ever signs the
 * relay's challenges and stays in this object. The password is not kept.
 */
final class RoomPasswordKey {
    /** Argon2id, RFC 9106: 64 MiB, 3 passes, one lane (PasswordKdf; measured: docs/BENCHMARKS.md, "Password rooms"). */
    static final int MEMORY_KIB = PasswordKdf.MEMORY_KIB;
    static final int ITERATIONS = PasswordKdf.ITERATIONS;
    static final int PARALLELISM = PasswordKdf.PARALLELISM;
    static final String SALT_CONTEXT = "free4chat-room-key-v1";
    /** The relay checks signatures over this context (its chat.free4.relay.rooms.RoomPassword). */
    static final String SIGN_CONTEXT = "free4chat-room-password-v1";

    private final Ed25519PrivateKeyParameters key;
    private final byte[] verifier;

    private RoomPasswordKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.verifier = key.generatePublicKey().getEncoded();
    }

    /** Runs the KDF: takes as long as docs/BENCHMARKS.md says, on the calling thread. */
    static RoomPasswordKey derive(RoomPassword password, URI relay, String room) {
        return derive(password, relay, room, MEMORY_KIB, ITERATIONS);
    }

    static RoomPasswordKey derive(RoomPassword password, URI relay, String room, int memoryKib, int iterations) {
        byte[] seed = seed(password, relay, room, memoryKib, iterations);
        try {
            return new RoomPasswordKey(new Ed25519PrivateKeyParameters(seed, 0));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The Ed25519 private seed: Argon2id's 32 bytes. */
    static byte[] seed(RoomPassword password, URI relay, String room, int memoryKib, int iterations) {
        return PasswordKdf.derive(password, salt(relay, room), memoryKib, iterations);
    }

    /** The raw Ed25519 public key (32 bytes) the relay checks answers with. */
    byte[] verifier() {
        return verifier.clone();
    }

    /** The answer to a challenge: a signature over what the relay checks. */
    byte[] sign(byte[] nonce, String room, String peerId) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] text = signedText(nonce, roomName(room), peerId);
        signer.update(text, 0, text.length);
        return signer.generateSignature();
    }

    /** The room as the relay reads it from a join: trimmed (NameRules). */
    static String roomName(String room) {
        return NameRules.room(room).orElse(room);
    }

    /**
     * The salt: the context, the relay's address (scheme and host in lower case, the port written
     * out, the path) and the room, each length-prefixed. A verifier for one relay or room is
     * worthless for another, and a precomputed table serves one room on one relay only.
     */
    static byte[] salt(URI relay, String room) {
        return PasswordKdf.lengthPrefixed(SALT_CONTEXT.getBytes(StandardCharsets.UTF_8),
                relayIdentity(relay).getBytes(StandardCharsets.UTF_8), roomName(room).getBytes(StandardCharsets.UTF_8));
    }

    static String relayIdentity(URI relay) {
        String scheme = relay.getScheme().toLowerCase(Locale.ROOT);
        int port = relay.getPort() > 0 ? relay.getPort() : "wss".equals(scheme) ? 443 : 80;
        String path = relay.getPath() == null || relay.getPath().isEmpty() ? "/" : relay.getPath();
        return scheme + "://" + relay.getHost().toLowerCase(Locale.ROOT) + ":" + port + path;
    }

    static byte[] signedText(byte[] nonce, String room, String peerId) {
        return PasswordKdf.lengthPrefixed(SIGN_CONTEXT.getBytes(StandardCharsets.UTF_8), nonce,
                room.getBytes(StandardCharsets.UTF_8), peerId.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RoomPasswordKey[hidden]";
    }
}
