package chat.free4.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalPayload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hostile peer sends offer after offer, each with a new SDP session id, so the victim builds a
 * native connection for each (webrtc-java 0.14.0 never frees them: docs/BENCHMARKS.md). Real
 * WebRTC on both sides; the offer is a real mesh's.
 */
class OfferChurnTest {
    private static final PeerId VICTIM = new PeerId("vvvvvvvv-victim");
    private static final PeerId MALLORY = new PeerId("aaaaaaaa-mallory");

    @Test
    void aPeerThatKeepsRebuildingItsConnectionIsDroppedAndGetsNoMore() {
        String offer = TestMesh.realOffer(MALLORY, VICTIM);
        int limit = MeshLimits.defaults().newSessionsPerMinute();
        try (TestMesh victim = new TestMesh(VICTIM, MeshConfig.defaults())) {
            victim.joined(List.of(new PeerInfo(MALLORY, "mallory")), 8);
            for (int i = 1; i <= 3 * limit && !victim.removed.contains(MALLORY); i++) {
                victim.signaling.mesh().onSignal(MALLORY, new SignalPayload.Offer(Sdp.withSessionId(offer, 1000L + i)));
                int answered = i;
                // One at a time, as a patient attacker would: each offer gets its connection built.
                await().atMost(Duration.ofSeconds(10)).until(() -> victim.signaling.answers().size() >= answered
                        || victim.removed.contains(MALLORY));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> victim.removed.contains(MALLORY));
            assertEquals(limit, victim.signaling.answers().size(), "connections built before the peer was dropped");
            assertTrue(victim.errors.stream().anyMatch(e -> e.startsWith("peer_churn: mallory kept rebuilding")),
                    victim.errors.toString());

            // Still pushing: no link, so no native connection, for the next minute.
            for (int i = 0; i < 50; i++) {
                victim.signaling.mesh().onSignal(MALLORY, new SignalPayload.Offer(Sdp.withSessionId(offer, 9000L + i)));
            }
            assertEquals(0, victim.mesh.openConnections());
            assertEquals(limit, victim.signaling.answers().size());
        }
    }

    @Test
    void anIceRestartKeepsItsSessionAndIsNotCounted() {
        String offer = TestMesh.realOffer(MALLORY, VICTIM);
        int limit = MeshLimits.defaults().newSessionsPerMinute();
        try (TestMesh victim = new TestMesh(VICTIM, MeshConfig.defaults())) {
            victim.joined(List.of(new PeerInfo(MALLORY, "peer")), 8);
            for (int i = 1; i <= 2 * limit; i++) {
                // The same session id each time: what an ICE restart on one connection sends.
                victim.signaling.mesh().onSignal(MALLORY, new SignalPayload.Offer(offer));
                int answered = i;
                await().atMost(Duration.ofSeconds(10)).until(() -> victim.signaling.answers().size() >= answered);
            }
            assertEquals(1, victim.mesh.openConnections());
            assertTrue(victim.removed.isEmpty());
        }
    }
}
