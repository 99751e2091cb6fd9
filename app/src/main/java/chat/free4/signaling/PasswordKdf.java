package chat.free4.signaling;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The one memory-hard KDF of password rooms, relay (decision 0018) and LAN (decision 0020) alike:
 * Argon2id, RFC 9106 v1.3, 64 MiB, 3 passes, one lane, 32 bytes out, over the password's NFC UTF-8.
 * Each use brings its own salt (a context of its own first), so one derivation never serves another.
 */
public final class PasswordKdf {
    /** Measured: about 0.44 s per derivation on one core here (docs/BENCHMARKS.md, "Password rooms"). */
    public static final int MEMORY_KIB = 64 * 1024;
    public static final int ITERATIONS = 3;
    public static final int PARALLELISM = 1;
    public static final int OUTPUT_BYTES = 32;

    private PasswordKdf() {
    }

    /** Runs the KDF with the app's cost, on the calling thread; the caller wipes the result. */
    public static byte[] derive(RoomPassword password, byte[] salt) {
        return derive(password, salt, MEMORY_KIB, ITERATIONS);
    }

    /** With another cost: benchmarks, and tests that cannot wait 0.4 s per call. */
    public static byte[] derive(RoomPassword password, byte[] salt, int memoryKib, int iterations) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(PARALLELISM)
                .withSalt(salt)
                .build());
        byte[] secret = password.utf8();
        byte[] out = new byte[OUTPUT_BYTES];
        try {
            argon2.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Each field after its 4-byte big-endian length: how salts and signed texts are put together. */
    public static byte[] lengthPrefixed(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
            out.writeBytes(field);
        }
        return out.toByteArray();
    }
}
