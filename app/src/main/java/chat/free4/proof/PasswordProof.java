package chat.free4.proof;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.jpake.JPAKEParticipant;
import org.bouncycastle.crypto.agreement.jpake.JPAKEPrimeOrderGroups;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * One side of the proof that two peers of a password room give each other before either sends or
 * plays anything: J-PAKE (BouncyCastle) over the password, then a key confirmation under a key
 * that also binds both peer ids and both DTLS certificate fingerprints as this side sees them.
 * Someone in the middle of the connection (a relay that swapped the fingerprints in the SDP it
 * carried) sees two different pairs of fingerprints, so the two sides' keys differ and the
 * confirmation fails even if it passes every J-PAKE message on untouched; a peer without the
 * password fails the same way. Either gets one online guess per attempt and nothing to test
 * offline. Decision 0019.
 *
 * <p>Three messages each way ({@link ProofMessage}); both sides start at once. Not thread-safe:
 * one connection's thread drives it.
 */
public final class PasswordProof {
    /** Where the proof stands. */
    public enum State { RUNNING, PROVEN, REFUSED }

    /** No message of the proof is larger; a transport may drop larger ones unread. */
    public static final int MAX_MESSAGE_BYTES = ProofMessage.MAX_BYTES;

    private static final byte[] SECRET_CONTEXT = "free4chat peer proof v1 secret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_CONTEXT = "free4chat peer proof v1 key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONFIRM_CONTEXT = "free4chat peer proof v1 confirm".getBytes(StandardCharsets.US_ASCII);

    private final JPAKEParticipant jpake;
    private final String self;
    private final String remote;
    private final byte[] binding;
    private State state = State.RUNNING;
    private int expected = ProofMessage.ROUND_1;
    private byte[] key;
    private String refusal = "";

    /**
     * @param password the room's password as UTF-8 of its NFC form (not kept; the caller wipes it)
     * @param self this peer's id, {@code remote} the other's: J-PAKE needs them different
     * @param localFingerprint this side's DTLS certificate fingerprint, as its own SDP names it
     * @param remoteFingerprint the other side's, as the SDP received from it names it
     */
    public PasswordProof(byte[] password, String self, String remote, String localFingerprint, String remoteFingerprint,
                         SecureRandom random) {
        if (self.equals(remote)) {
            throw new IllegalArgumentException("A peer cannot prove a password to itself.");
        }
        this.self = self;
        this.remote = remote;
        char[] secret = secretOf(password);
        this.jpake = new JPAKEParticipant(self, secret, JPAKEPrimeOrderGroups.NIST_3072, new SHA256Digest(), random);
        Arrays.fill(secret, '\0'); // the participant keeps its own copy
        // Ordered by peer id, so both sides build the same bytes when they see the same connection.
        boolean selfFirst = self.compareTo(remote) < 0;
        this.binding = join(selfFirst ? self : remote, selfFirst ? remote : self,
                selfFirst ? localFingerprint : remoteFingerprint, selfFirst ? remoteFingerprint : localFingerprint);
    }

    /** The first message to send; call once. */
    public byte[] start() {
        return ProofMessage.round1(jpake.createRound1PayloadToSend());
    }

    public State state() {
        return state;
    }

    /** Why the proof was refused, for the log (never shown as is; it names no secret). */
    public String refusal() {
        return refusal;
    }

    /**
     * Takes the other side's next message; returns what to send back, if anything. Anything out of
     * place (malformed, out of order, a wrong proof, a message after the end) refuses the proof for
     * good; it never throws.
     */
    public Optional<byte[]> receive(byte[] message) {
        if (state != State.RUNNING) {
            if (state == State.PROVEN) {
                refuse("a message after the proof was complete");
            }
            return Optional.empty();
        }
        try {
            switch (expected) {
                case ProofMessage.ROUND_1 -> {
                    jpake.validateRound1PayloadReceived(ProofMessage.readRound1(message, remote));
                    expected = ProofMessage.ROUND_2;
                    return Optional.of(ProofMessage.round2(jpake.createRound2PayloadToSend()));
                }
                case ProofMessage.ROUND_2 -> {
                    jpake.validateRound2PayloadReceived(ProofMessage.readRound2(message, remote));
                    key = confirmationKey(jpake.calculateKeyingMaterial());
                    expected = ProofMessage.CONFIRM;
                    return Optional.of(ProofMessage.confirm(tag(self)));
                }
                default -> {
                    byte[] theirs = ProofMessage.readConfirm(message);
                    if (MessageDigest.isEqual(theirs, tag(remote))) {
                        state = State.PROVEN;
                    } else {
                        refuse("the confirmation does not match (another password, or someone in the middle)");
                    }
                    return Optional.empty();
                }
            }
        } catch (ProofMessage.Malformed e) {
            refuse("a malformed message: " + e.getMessage());
        } catch (CryptoException | IllegalStateException | IllegalArgumentException e) {
            refuse("a J-PAKE step failed: " + e.getMessage());
        }
        return Optional.empty();
    }

    private void refuse(String why) {
        state = State.REFUSED;
        refusal = why;
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] confirmationKey(BigInteger keyingMaterial) {
        return hmac(sha256(KEY_CONTEXT, keyingMaterial.toByteArray()), binding);
    }

    private byte[] tag(String from) {
        return hmac(key, join(new String(CONFIRM_CONTEXT, StandardCharsets.US_ASCII), from));
    }

    /**
     * J-PAKE takes the password as characters: a digest of it, so its length and alphabet do not
     * matter and nothing of it stays in BouncyCastle's copy.
     */
    private static char[] secretOf(byte[] password) {
        byte[] digest = sha256(SECRET_CONTEXT, password);
        char[] hex = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = Character.forDigit((digest[i] >> 4) & 0xf, 16);
            hex[2 * i + 1] = Character.forDigit(digest[i] & 0xf, 16);
        }
        Arrays.fill(digest, (byte) 0);
        return hex;
    }

    private static byte[] join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(part.length()).append(':').append(part);
        }
        return joined.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] context, byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(context);
            sha.update((byte) 0);
            return sha.digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
