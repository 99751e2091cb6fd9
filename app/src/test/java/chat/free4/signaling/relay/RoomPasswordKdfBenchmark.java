package chat.free4.signaling.relay;

import chat.free4.signaling.RoomPassword;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;

/**
 * What a password room's key costs (decision 0018, docs/BENCHMARKS.md "Password rooms"): the
 * Argon2id derivation a joiner runs once per join, and thus what each offline guess costs whoever
 * stored a verifier, for a few parameter sets; and the relay's Ed25519 check of one answer.
 * Arguments: {@code runs=N} (default 7) per set.
 */
public final class RoomPasswordKdfBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = 7;
        for (String a : args) {
            if (a.startsWith("runs=")) {
                runs = Integer.parseInt(a.substring(5));
            }
        }
        URI relay = URI.create("ws://relay.example.org:8443/v1");
        RoomPassword password = RoomPassword.of("correct horse battery staple".toCharArray());
        int[][] sets = {{19 * 1024, 2}, {RoomPasswordKey.MEMORY_KIB, RoomPasswordKey.ITERATIONS}, {256 * 1024, 1}};
        RoomPasswordKey.derive(password, relay, "warm-up", 8 * 1024, 1);
        for (int[] set : sets) {
            long[] millis = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                RoomPasswordKey.derive(password, relay, "vault", set[0], set[1]);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("argon2id m=%d MiB t=%d p=%d%s: median %d ms, min %d ms, max %d ms (%d runs)%n",
                    set[0] / 1024, set[1], RoomPasswordKey.PARALLELISM,
                    set[0] == RoomPasswordKey.MEMORY_KIB && set[1] == RoomPasswordKey.ITERATIONS ? " (the app's)" : "",
                    millis[runs / 2], millis[0], millis[runs - 1], runs);
        }
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] text = new byte[120];
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(text);
        byte[] signature = signer.sign();
        int checks = 20_000;
        for (int round = 0; round < 2; round++) { // the first round warms up
            long start = System.nanoTime();
            for (int i = 0; i < checks; i++) {
                Signature check = Signature.getInstance("Ed25519");
                check.initVerify(keys.getPublic());
                check.update(text);
                if (!check.verify(signature)) {
                    throw new IllegalStateException("a good signature failed");
                }
            }
            if (round == 1) {
                System.out.printf("relay: one Ed25519 answer check (JDK) %.1f us%n",
                        (System.nanoTime() - start) / 1000.0 / checks);
            }
        }
    }
}
