package chat.free4.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.Pcm;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomPassword;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The password proof between the peers of a password room (decision 0019), with real WebRTC
 * connections on a carrier of signals that admits anyone, as a hostile relay would: only a peer
 * that proves the password over the connection is heard, and the person is told about any other.
 */
class PasswordProofBetweenPeersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(25);
    private static final MeshConfig CONFIG = new MeshConfig(List.of(), Duration.ofSeconds(5), Duration.ofSeconds(4), 4);

    private static Optional<RoomPassword> password(String typed) {
        return Optional.of(RoomPassword.of(typed.toCharArray()));
    }

    /** Two ids where {@code first} offers to the second. */
    private static PeerId[] offererFirst() {
        PeerId a = PeerId.random();
        PeerId b = PeerId.random();
        return OfferRule.iOffer(a, b) ? new PeerId[] {a, b} : new PeerId[] {b, a};
    }

    private static void connect(TestMesh one, TestMesh two) {
        one.signaling.forwardTo((to, payload) -> two.signaling.mesh().onSignal(one.id, payload));
        two.signaling.forwardTo((to, payload) -> one.signaling.mesh().onSignal(two.id, payload));
        one.joined(List.of(new PeerInfo(two.id, "two")), 8);
        two.joined(List.of(new PeerInfo(one.id, "one")), 8);
    }


    @Test
    void twoPeersWithThePasswordConnectAndHearEachOther() {
        PeerId[] ids = offererFirst();
        try (TestMesh ada = new TestMesh(ids[0], CONFIG, password("river otter 7"));
             TestMesh bob = new TestMesh(ids[1], CONFIG, password("river otter 7"))) {
            connect(ada, bob);
            await().atMost(TIMEOUT).until(() -> ada.connectedTo(bob.id) && bob.connectedTo(ada.id));
            await().atMost(TIMEOUT).until(() -> ada.hearsFrom(bob.id) > 0.05 && bob.hearsFrom(ada.id) > 0.05);
            assertEquals(List.of(), ada.errors);
            assertEquals(List.of(), bob.errors);
        }
    }

    @Test
    void aPeerWithAGuessedPasswordIsNeitherConnectedNorHeardAndBothAreTold() {
        PeerId[] ids = offererFirst();
        try (TestMesh ada = new TestMesh(ids[0], CONFIG, password("river otter 7"));
             TestMesh eve = new TestMesh(ids[1], CONFIG, password("river otter 8"))) {
            connect(ada, eve);
            await().atMost(TIMEOUT).until(() -> ada.errors.stream().anyMatch(e -> e.startsWith("peer_unverified"))
                    && eve.errors.stream().anyMatch(e -> e.startsWith("peer_unverified")));
            assertTrue(ada.errors.get(0).contains("could not be verified"), ada.errors.toString());
            assertEquals(Optional.of(PeerConnectionStatus.FAILED), ada.mesh.status(eve.id));
            assertTrue(ada.tracks.isEmpty() && eve.tracks.isEmpty(), "no audio of the other side was ever played");
        }
    }

    @Test
    void aPeerThatSkipsTheProofHearsOnlySilenceAndIsDroppedWithAWord() {
        PeerId[] ids = offererFirst();
        // Eve answers without any password: she takes the connection, ignores the proof, and listens.
        try (TestMesh ada = new TestMesh(ids[0], CONFIG, password("river otter 7"));
             TestMesh eve = new TestMesh(ids[1], CONFIG, Optional.empty())) {
            connect(ada, eve);
            await().atMost(TIMEOUT).until(() -> eve.heard.received(ada.id) > Pcm.SAMPLE_RATE);
            await().atMost(TIMEOUT).until(() -> {
                double tone = eve.hearsFrom(ada.id);
                assertTrue(tone < 0.01, "Eve hears nothing of Ada's tone before a proof: " + tone);
                return ada.errors.stream().anyMatch(e -> e.startsWith("peer_unverified"));
            });
            assertTrue(ada.tracks.isEmpty(), "Ada never played Eve");
            assertEquals(Optional.of(PeerConnectionStatus.FAILED), ada.mesh.status(eve.id));
        }
    }
}
