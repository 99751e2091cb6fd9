package chat.free4.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hostile relay lists thousands of peers, says the room has no limit (or a huge one), or passes
 * signals from ids it never listed: each would be a peer connection. Real mesh, real WebRTC.
 */
class HostileRelayPeersTest {
    private static final PeerId VICTIM = new PeerId("zzzzzzzz-victim");

    private static List<PeerInfo> peers(int count) {
        List<PeerInfo> peers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            peers.add(new PeerInfo(new PeerId(String.format("m%07d-member", i)), "member " + i));
        }
        return peers;
    }

    @Test
    void aHugePeersListWithNoLimitGetsNoMoreLinksThanTheMeshAllows() {
        int others = MeshLimits.defaults().maxPeers() - 1;
        try (TestMesh victim = new TestMesh(VICTIM, MeshConfig.defaults())) {
            victim.joined(peers(500), 0);
            assertEquals(others, victim.mesh.openConnections());
            assertEquals(others, victim.added.size());
            assertEquals(1, victim.errors.stream().filter(e -> e.startsWith("room_full")).count(), victim.errors.toString());
        }
    }

    @Test
    void aRelayLimitAboveTheMeshsIsNotTaken() {
        try (TestMesh victim = new TestMesh(VICTIM, MeshConfig.defaults())) {
            victim.joined(peers(40), 10_000);
            assertEquals(MeshLimits.defaults().maxPeers() - 1, victim.mesh.openConnections());
        }
    }

    @Test
    void signalsFromIdsSignalingNeverListedBuildNothing() {
        PeerId stranger = new PeerId("aaaaaaaa-stranger");
        String offer = TestMesh.realOffer(stranger, VICTIM);
        try (TestMesh victim = new TestMesh(VICTIM, MeshConfig.defaults())) {
            victim.joined(List.of(), 8);
            for (int i = 0; i < 100; i++) {
                victim.signaling.mesh().onSignal(new PeerId(String.format("a%07d-unknown", i)),
                        new SignalPayload.Offer(Sdp.withSessionId(offer, 5000L + i)));
            }
            victim.signaling.mesh().onSignal(stranger, new SignalPayload.Offer(offer));
            assertEquals(0, victim.mesh.openConnections());
            assertTrue(victim.added.isEmpty());

            // Once signaling reports it, the same peer's offer is answered.
            victim.signaling.mesh().onPeerJoined(new PeerInfo(stranger, "stranger"));
            victim.signaling.mesh().onSignal(stranger, new SignalPayload.Offer(offer));
            await().atMost(Duration.ofSeconds(10)).until(() -> victim.signaling.answers().size() == 1);
            assertEquals(1, victim.mesh.openConnections());
        }
    }
}
