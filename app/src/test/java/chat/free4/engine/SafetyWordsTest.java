package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.ToneGenerator;
import chat.free4.mesh.MeshConfig;
import chat.free4.mesh.SafetyCode;
import chat.free4.mesh.TestMesh;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalPayload;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The safety words two people compare aloud: equal on both sides of a real call through a real
 * relay, and different on the two sides when whoever carries the signals swaps a certificate
 * fingerprint (what a relay in the middle of the call has to do).
 */
class SafetyWordsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void bothSidesOfACallThroughTheRelaySeeTheSameWords() {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer ada = new HeadlessPeer("ada", new ToneGenerator(440, 0.2));
             HeadlessPeer bob = new HeadlessPeer("bob", new ToneGenerator(660, 0.2))) {
            ada.join(relay.uri(), "words");
            bob.join(relay.uri(), "words");
            await().atMost(TIMEOUT).until(() -> ada.connectedTo(bob) && bob.connectedTo(ada)
                    && !wordsFor(ada, bob).isEmpty() && !wordsFor(bob, ada).isEmpty());
            assertEquals(wordsFor(ada, bob), wordsFor(bob, ada));
            assertEquals(5, wordsFor(ada, bob).split(" ").length, wordsFor(ada, bob));
        }
    }

    @Test
    void aSwappedFingerprintGivesEachSideOtherWords() {
        PeerId a = PeerId.random();
        PeerId b = PeerId.random();
        try (TestMesh ada = new TestMesh(a, MeshConfig.defaults());
             TestMesh bob = new TestMesh(b, MeshConfig.defaults())) {
            // The carrier in the middle puts its own certificate's fingerprint into what it forwards.
            UnaryOperator<SignalPayload> swap = p -> p instanceof SignalPayload.Offer o
                    ? new SignalPayload.Offer(otherFingerprint(o.sdp()))
                    : p instanceof SignalPayload.Answer an ? new SignalPayload.Answer(otherFingerprint(an.sdp())) : p;
            ada.signaling.forwardTo((to, payload) -> bob.signaling.mesh().onSignal(a, swap.apply(payload)));
            bob.signaling.forwardTo((to, payload) -> ada.signaling.mesh().onSignal(b, swap.apply(payload)));
            ada.joined(List.of(new PeerInfo(b, "bob")), 8);
            bob.joined(List.of(new PeerInfo(a, "ada")), 8);
            await().atMost(TIMEOUT).until(() -> ada.safetyCodes.containsKey(b) && bob.safetyCodes.containsKey(a));
            assertNotEquals(ada.safetyCodes.get(b), bob.safetyCodes.get(a),
                    "a swapped fingerprint must show: " + ada.safetyCodes.get(b));
        }
    }

    @Test
    void theWordsDoNotDependOnWhoAsks() {
        String mine = "sha-256 AA:BB:CC";
        String theirs = "sha-256 11:22:33";
        assertEquals(SafetyCode.of(mine, theirs), SafetyCode.of(theirs, mine));
        assertNotEquals(SafetyCode.of(mine, theirs), SafetyCode.of(mine, "sha-256 11:22:34"));
        assertTrue(SafetyCode.fingerprintOf("v=0\r\na=fingerprint:SHA-256 ab:cd\r\n").orElseThrow().equals("sha-256 AB:CD"));
    }

    private static String wordsFor(HeadlessPeer viewer, HeadlessPeer other) {
        return viewer.engine.room().peers().stream().filter(p -> p.id().equals(other.id)).map(PeerView::safetyCode)
                .findFirst().orElse("");
    }

    /** The same SDP with the first byte of its certificate fingerprint changed. */
    private static String otherFingerprint(String sdp) {
        int at = sdp.indexOf("a=fingerprint:");
        int hex = sdp.indexOf(' ', at) + 1;
        char first = sdp.charAt(hex);
        return sdp.substring(0, hex) + (first == 'F' ? 'E' : 'F') + sdp.substring(hex + 1);
    }
}
