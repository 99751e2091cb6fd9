package chat.free4.proof;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * What the peers' password proof costs (decision 0019, docs/BENCHMARKS.md "Password rooms"): the
 * CPU time of one whole proof, both sides in one thread (J-PAKE on the 3072-bit group, then the
 * confirmation), and the bytes each side sends. Each connection of a password room pays it once,
 * before its audio starts. Arguments: {@code runs=N} (default 21).
 */
public final class PasswordProofBenchmark {
    public static void main(String[] args) {
        int runs = 21;
        for (String a : args) {
            if (a.startsWith("runs=")) {
                runs = Integer.parseInt(a.substring(5));
            }
        }
        SecureRandom random = new SecureRandom();
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        for (int warm = 0; warm < 5; warm++) {
            once(password, random, new long[1]);
        }
        long[] millis = new long[runs];
        long[] bytes = new long[1];
        for (int i = 0; i < runs; i++) {
            bytes[0] = 0;
            long start = System.nanoTime();
            once(password, random, bytes);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("one proof, both sides: median %d ms, min %d ms, max %d ms (%d runs); %d bytes sent per side%n",
                millis[runs / 2], millis[0], millis[runs - 1], runs, bytes[0] / 2);
    }

    private static void once(byte[] password, SecureRandom random, long[] bytes) {
        PasswordProof ada = new PasswordProof(password, "ada", "bob", "sha-256 AA", "sha-256 BB", random);
        PasswordProof bob = new PasswordProof(password, "bob", "ada", "sha-256 BB", "sha-256 AA", random);
        Deque<byte[]> toBob = new ArrayDeque<>();
        Deque<byte[]> toAda = new ArrayDeque<>();
        toBob.add(ada.start());
        toAda.add(bob.start());
        while (!toBob.isEmpty() || !toAda.isEmpty()) {
            if (!toBob.isEmpty()) {
                byte[] m = toBob.poll();
                bytes[0] += m.length;
                bob.receive(m).ifPresent(toAda::add);
            }
            if (!toAda.isEmpty()) {
                byte[] m = toAda.poll();
                bytes[0] += m.length;
                ada.receive(m).ifPresent(toBob::add);
            }
        }
        if (ada.state() != PasswordProof.State.PROVEN || bob.state() != PasswordProof.State.PROVEN) {
            throw new IllegalStateException("the proof failed: " + ada.refusal() + " / " + bob.refusal());
        }
    }
}
