package chat.free4.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.proof.PasswordProof.State;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The peer proof of a password room, two real sides exchanging real messages in memory. */
class PasswordProofTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ADA = "peer-ada";
    private static final String BOB = "peer-bob";
    private static final String FP_ADA = "sha-256 AA:01";
    private static final String FP_BOB = "sha-256 BB:02";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static PasswordProof side(String password, String self, String remote, String localFp, String remoteFp) {
        return new PasswordProof(utf8(password), self, remote, localFp, remoteFp, RANDOM);
    }

    /** Runs both sides to the end; {@code toBob}/{@code toAda} may rewrite what is carried. Returns what Bob received. */
    private static List<byte[]> run(PasswordProof ada, PasswordProof bob, UnaryOperator<byte[]> toBob, UnaryOperator<byte[]> toAda) {
        List<byte[]> carriedToBob = new ArrayList<>();
        List<byte[]> forBob = new ArrayList<>(List.of(toBob.apply(ada.start())));
        List<byte[]> forAda = new ArrayList<>(List.of(toAda.apply(bob.start())));
        for (int turn = 0; turn < 6 && (!forBob.isEmpty() || !forAda.isEmpty()); turn++) {
            List<byte[]> nextForBob = new ArrayList<>();
            List<byte[]> nextForAda = new ArrayList<>();
            for (byte[] m : forBob) {
                carriedToBob.add(m);
                bob.receive(m).map(toAda).ifPresent(nextForAda::add);
            }
            for (byte[] m : forAda) {
                ada.receive(m).map(toBob).ifPresent(nextForBob::add);
            }
            forBob = nextForBob;
            forAda = nextForAda;
        }
        return carriedToBob;
    }

    @Test
    void twoPeersWithThePasswordOnOneConnectionProveItToEachOther() {
        PasswordProof ada = side("correct horse", ADA, BOB, FP_ADA, FP_BOB);
        PasswordProof bob = side("correct horse", BOB, ADA, FP_BOB, FP_ADA);
        run(ada, bob, m -> m, m -> m);
        assertEquals(State.PROVEN, ada.state(), ada.refusal());
        assertEquals(State.PROVEN, bob.state(), bob.refusal());
    }

    @Test
    void aPeerWithAnotherPasswordIsRefusedOnBothSides() {
        PasswordProof ada = side("correct horse", ADA, BOB, FP_ADA, FP_BOB);
        PasswordProof bob = side("correct hors3", BOB, ADA, FP_BOB, FP_ADA);
        run(ada, bob, m -> m, m -> m);
        assertEquals(State.REFUSED, ada.state());
        assertEquals(State.REFUSED, bob.state());
    }

    @Test
    void someoneInTheMiddleWhoPassesEveryMessageOnIsRefusedBecauseTheFingerprintsDiffer() {
        // Ada's connection ends at the middle's certificate M1, Bob's at M2: each side sees another pair.
        PasswordProof ada = side("correct horse", ADA, BOB, FP_ADA, "sha-256 EE:M1");
        PasswordProof bob = side("correct horse", BOB, ADA, FP_BOB, "sha-256 EE:M2");
        run(ada, bob, m -> m, m -> m);
        assertEquals(State.REFUSED, ada.state());
        assertEquals(State.REFUSED, bob.state());
    }

    @Test
    void aRecordedRunDoesNotProveANewConnection() {
        PasswordProof ada = side("correct horse", ADA, BOB, FP_ADA, FP_BOB);
        PasswordProof bob = side("correct horse", BOB, ADA, FP_BOB, FP_ADA);
        List<byte[]> recorded = new ArrayList<>();
        run(ada, bob, m -> m, m -> {
            recorded.add(m);
            return m;
        });
        assertEquals(State.PROVEN, ada.state());
        // The same connection again (same fingerprints and ids), the attacker replaying Bob's part.
        PasswordProof again = side("correct horse", ADA, BOB, FP_ADA, FP_BOB);
        again.start();
        for (byte[] m : recorded) {
            again.receive(m);
        }
        assertEquals(State.REFUSED, again.state(), "fresh randomness on each run: a replay cannot confirm");
    }

    @Test
    void nothingAHostilePeerSendsThrowsAndEachIsRefused() {
        PasswordProof honest = side("pw", BOB, ADA, FP_BOB, FP_ADA);
        byte[] round1 = side("pw", ADA, BOB, FP_ADA, FP_BOB).start();
        List<byte[]> hostile = new ArrayList<>();
        hostile.add(new byte[0]);
        hostile.add(new byte[] {1});
        hostile.add(new byte[] {9, 1, 0});
        hostile.add(new byte[ProofMessage.MAX_BYTES + 1]);
        hostile.add(Arrays.copyOf(round1, round1.length - 1)); // cut short
        hostile.add(Arrays.copyOf(round1, round1.length + 1)); // a byte after the end
        byte[] asRound2 = round1.clone();
        asRound2[1] = 2;
        hostile.add(asRound2); // out of order
        hostile.add(side("pw", "peer-eve", BOB, FP_ADA, FP_BOB).start()); // sent as someone else
        byte[] negative = round1.clone();
        negative[2 + 1 + ADA.length() + 2] |= (byte) 0x80; // gx1's first byte: a negative number
        hostile.add(negative);
        byte[] flipped = round1.clone();
        flipped[flipped.length - 5] ^= 1; // a knowledge proof that no longer holds
        hostile.add(flipped);
        byte[] hugeLength = round1.clone();
        hugeLength[2 + 1 + ADA.length()] = (byte) 0xff; // a number claiming 65 KB
        hostile.add(hugeLength);
        for (byte[] message : hostile) {
            PasswordProof target = side("pw", BOB, ADA, FP_BOB, FP_ADA);
            target.start();
            Optional<byte[]> reply = target.receive(message);
            assertTrue(reply.isEmpty(), "nothing answered to a hostile message of " + message.length + " bytes");
            assertEquals(State.REFUSED, target.state(), "refused: " + message.length + " bytes");
            assertTrue(!target.refusal().isEmpty());
        }
        honest.start();
        assertTrue(honest.receive(round1).isPresent(), "the untouched message is taken");
        assertEquals(State.RUNNING, honest.state());
    }

    @Test
    void aMessageAfterTheProofRefusesIt() {
        PasswordProof ada = side("pw", ADA, BOB, FP_ADA, FP_BOB);
        PasswordProof bob = side("pw", BOB, ADA, FP_BOB, FP_ADA);
        run(ada, bob, m -> m, m -> m);
        assertEquals(State.PROVEN, ada.state());
        ada.receive(new byte[] {1, 3});
        assertEquals(State.REFUSED, ada.state(), "a proven link that gets more proof messages is not trusted");
    }
}
