package chat.free4.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalPayload;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ICE candidates that arrive before a connection's remote description are queued; a hostile peer
 * sends thousands before (or instead of) its offer. Real mesh, real WebRTC for the offer after.
 */
class QueuedCandidatesTest {
    private static final PeerId VICTIM = new PeerId("vvvvvvvv-victim");
    private static final PeerId MALLORY = new PeerId("aaaaaaaa-mallory");

    @Test
    void candidatesBeforeTheOfferAreKeptUpToTheLimitAndTheOfferStillWorks() {
        String offer = TestMesh.realOffer(MALLORY, VICTIM);
        int limit = MeshLimits.defaults().queuedRemoteCandidates();
        try (TestMesh victim = new TestMesh(VICTIM, MeshConfig.defaults())) {
            victim.joined(List.of(new PeerInfo(MALLORY, "mallory")), 8);
            List<WeakReference<String>> sent = new ArrayList<>();
            for (int i = 0; i < 20 * limit; i++) {
                String candidate = "candidate:" + i + " 1 udp 2122260223 198.18.0.1 " + (10000 + i % 50000) + " typ host";
                sent.add(new WeakReference<>(candidate));
                victim.signaling.mesh().onSignal(MALLORY, new SignalPayload.Candidate("0", 0, candidate));
            }
            victim.mesh.openConnections(); // the mesh thread has taken every candidate
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                System.gc();
                return sent.stream().filter(r -> r.get() != null).count() <= limit;
            });

            victim.signaling.mesh().onSignal(MALLORY, new SignalPayload.Offer(offer));
            await().atMost(Duration.ofSeconds(10)).until(() -> victim.signaling.answers().size() == 1);
            assertEquals(1, victim.mesh.openConnections());
        }
    }
}
