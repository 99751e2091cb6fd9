package chat.free4.proof;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.agreement.jpake.JPAKERound1Payload;
import org.bouncycastle.crypto.agreement.jpake.JPAKERound2Payload;

/**
 * The three messages of a {@link PasswordProof} on the wire: a version, a type, then length-prefixed
 * fields. Reading trusts nothing: every length is bounded, numbers must be positive and no larger
 * than the 3072-bit group allows, the sender must be who the connection says, and nothing may follow
 * the last field.
 */
final class ProofMessage {
    static final int ROUND_1 = 1;
    static final int ROUND_2 = 2;
    static final int CONFIRM = 3;
    /** Larger than any real message (round 1 is about 2.4 KB). */
    static final int MAX_BYTES = 4096;
    private static final int VERSION = 1;
    /** A 3072-bit number takes 384 bytes, 385 with BigInteger's sign byte. */
    private static final int MAX_NUMBER_BYTES = 385;
    private static final int MAX_ID_BYTES = 64;
    private static final int TAG_BYTES = 32;

    /** A message that is not one the proof can take. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private ProofMessage() {
    }

    static byte[] round1(JPAKERound1Payload p) {
        return write(ROUND_1, out -> {
            id(out, p.getParticipantId());
            number(out, p.getGx1());
            number(out, p.getGx2());
            proof(out, p.getKnowledgeProofForX1());
            proof(out, p.getKnowledgeProofForX2());
        });
    }

    static byte[] round2(JPAKERound2Payload p) {
        return write(ROUND_2, out -> {
            id(out, p.getParticipantId());
            number(out, p.getA());
            proof(out, p.getKnowledgeProofForX2s());
        });
    }

    static byte[] confirm(byte[] tag) {
        return write(CONFIRM, out -> out.write(tag));
    }

    static JPAKERound1Payload readRound1(byte[] message, String expectedSender) throws Malformed {
        ByteBuffer in = open(message, ROUND_1);
        try {
            String sender = sender(in, expectedSender);
            BigInteger gx1 = number(in);
            BigInteger gx2 = number(in);
            BigInteger[] proof1 = proof(in);
            BigInteger[] proof2 = proof(in);
            end(in);
            return new JPAKERound1Payload(sender, gx1, gx2, proof1, proof2);
        } catch (BufferUnderflowException e) {
            throw new Malformed("round 1 ends early");
        }
    }

    static JPAKERound2Payload readRound2(byte[] message, String expectedSender) throws Malformed {
        ByteBuffer in = open(message, ROUND_2);
        try {
            String sender = sender(in, expectedSender);
            BigInteger a = number(in);
            BigInteger[] proof = proof(in);
            end(in);
            return new JPAKERound2Payload(sender, a, proof);
        } catch (BufferUnderflowException e) {
            throw new Malformed("round 2 ends early");
        }
    }

    static byte[] readConfirm(byte[] message) throws Malformed {
        ByteBuffer in = open(message, CONFIRM);
        if (in.remaining() != TAG_BYTES) {
            throw new Malformed("a confirmation of " + in.remaining() + " bytes");
        }
        byte[] tag = new byte[TAG_BYTES];
        in.get(tag);
        return tag;
    }

    // ---- reading ----

    private static ByteBuffer open(byte[] message, int type) throws Malformed {
        if (message == null || message.length < 2) {
            throw new Malformed("too short");
        }
        if (message.length > MAX_BYTES) {
            throw new Malformed(message.length + " bytes");
        }
        if (message[0] != VERSION) {
            throw new Malformed("version " + (message[0] & 0xff));
        }
        if (message[1] != type) {
            throw new Malformed("type " + (message[1] & 0xff) + " where " + type + " was due");
        }
        return ByteBuffer.wrap(message, 2, message.length - 2);
    }

    private static String sender(ByteBuffer in, String expected) throws Malformed {
        int length = in.get() & 0xff;
        if (length == 0 || length > MAX_ID_BYTES) {
            throw new Malformed("a sender id of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        String id;
        try {
            id = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("a sender id that is not UTF-8");
        }
        if (!id.equals(expected)) {
            // J-PAKE binds each proof to its sender's id: a proof made for another peer is not this one's.
            throw new Malformed("sent as another peer");
        }
        return id;
    }

    private static BigInteger number(ByteBuffer in) throws Malformed {
        int length = in.getShort() & 0xffff;
        if (length == 0 || length > MAX_NUMBER_BYTES) {
            throw new Malformed("a number of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        BigInteger n = new BigInteger(bytes);
        if (n.signum() <= 0) {
            throw new Malformed("a number that is not positive");
        }
        return n;
    }

    private static BigInteger[] proof(ByteBuffer in) throws Malformed {
        return new BigInteger[] {number(in), number(in)};
    }

    private static void end(ByteBuffer in) throws Malformed {
        if (in.hasRemaining()) {
            throw new Malformed(in.remaining() + " bytes after the last field");
        }
    }

    // ---- writing ----

    private interface Fields {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(int type, Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2600);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(type);
            fields.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void id(DataOutputStream out, String id) throws IOException {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        out.writeByte(bytes.length);
        out.write(bytes);
    }

    private static void number(DataOutputStream out, BigInteger n) throws IOException {
        byte[] bytes = n.toByteArray();
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static void proof(DataOutputStream out, BigInteger[] proof) throws IOException {
        if (proof.length != 2) {
            throw new IllegalStateException("A J-PAKE knowledge proof has two numbers, not " + proof.length);
        }
        number(out, proof[0]);
        number(out, proof[1]);
    }
}
