package chat.free4.signaling.lan;

import chat.free4.peer.PeerId;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The key a LAN peer proves itself with (decision 0014). A peer id is public (mDNS), so whoever
 * calls with it must also answer the callee's fresh challenge with a signature; the callee keeps
 * the key of a peer's first connection and lets a later one replace it only if it proves the same
 * key. Ed25519, one key pair per {@link LanSignaling}, never stored.
 */
final class LanIdentity {
    static final int NONCE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONTEXT = "free4chat-lan-hello-v1";

    private final KeyPair keys;
    private final String publicKey;

    private LanIdentity(KeyPair keys) {
        this.keys = keys;
        this.publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    static LanIdentity generate() {
        try {
            return new LanIdentity(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no Ed25519 (Java 15 and later do).", e);
        }
    }

    /** Base64 of the X.509 encoding, as sent in {@code hello}. */
    String publicKey() {
        return publicKey;
    }

    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** Base64 signature over the callee's challenge, bound to the room and both ids (no relaying a challenge to another peer). */
    String prove(byte[] nonce, String room, PeerId caller, PeerId callee) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(statement(nonce, room, caller, callee));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the LAN hello.", e);
        }
    }

    /** Whether {@code proof} is {@code key}'s signature over this challenge; false for anything malformed. */
    static boolean verify(String key, String proof, byte[] nonce, String room, PeerId caller, PeerId callee) {
        try {
            PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(statement(nonce, room, caller, callee));
            return verifier.verify(Base64.getDecoder().decode(proof));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] statement(byte[] nonce, String room, PeerId caller, PeerId callee) {
        return (CONTEXT + "\n" + Base64.getEncoder().encodeToString(nonce) + "\n" + room + "\n" + caller.value() + "\n"
                + callee.value()).getBytes(StandardCharsets.UTF_8);
    }
}
