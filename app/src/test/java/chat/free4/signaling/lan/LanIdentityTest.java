package chat.free4.signaling.lan;

import chat.free4.peer.PeerId;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hello's proof holds only for its own challenge, room, caller and callee, under its own key. */
class LanIdentityTest {
    private static final PeerId ALICE = new PeerId("aaaaaaaaaaaa");
    private static final PeerId BOB = new PeerId("bbbbbbbbbbbb");
    private static final PeerId MALLORY = new PeerId("mmmmmmmmmmmm");

    @Test
    void aProofVerifiesOnlyForWhatWasSigned() {
        LanIdentity alice = LanIdentity.generate();
        LanIdentity mallory = LanIdentity.generate();
        byte[] nonce = LanIdentity.nonce();
        String proof = alice.prove(nonce, "demo", ALICE, BOB);
        assertTrue(LanIdentity.verify(alice.publicKey(), proof, nonce, "demo", ALICE, BOB));
        assertFalse(LanIdentity.verify(alice.publicKey(), proof, LanIdentity.nonce(), "demo", ALICE, BOB), "another challenge");
        assertFalse(LanIdentity.verify(alice.publicKey(), proof, nonce, "other", ALICE, BOB), "another room");
        // Mallory passing Bob's challenge on to Alice (by being called by her) gets a proof for Mallory, not for Bob.
        String relayed = alice.prove(nonce, "demo", ALICE, MALLORY);
        assertFalse(LanIdentity.verify(alice.publicKey(), relayed, nonce, "demo", ALICE, BOB), "another callee");
        assertFalse(LanIdentity.verify(mallory.publicKey(), proof, nonce, "demo", ALICE, BOB), "another key");
        assertFalse(LanIdentity.verify("not base64!", proof, nonce, "demo", ALICE, BOB));
        assertFalse(LanIdentity.verify("a2V5", proof, nonce, "demo", ALICE, BOB));
        assertFalse(LanIdentity.verify(alice.publicKey(), "", nonce, "demo", ALICE, BOB));
    }
}
