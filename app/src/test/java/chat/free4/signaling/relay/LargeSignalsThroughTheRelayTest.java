package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.engine.TestRelay;
import chat.free4.relay.config.RelayConfig;
import chat.free4.peer.PeerId;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the relay accepts from one client reaches the other intact: the largest frame, and bursts. */
class LargeSignalsThroughTheRelayTest {

    /** The relay's forwarded frame (which adds {@code from}) is larger than the frame that was sent. */
    @Test
    void anOfferAtTheRelaysFrameLimitIsDelivered() throws Exception {
        int frameLimit = RelayConfig.defaults().maxFrameBytes();
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             RelaySignaling alice = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
             RelaySignaling bob = new RelaySignaling(RelayConnectionConfig.of(relay.uri()))) {
            RecordingListener heardByAlice = new RecordingListener();
            PeerId aliceId = join(alice, "alice", heardByAlice);
            join(bob, "bob", new RecordingListener());

            String sdp = sdpFillingTheFrame(aliceId, frameLimit);
            bob.send(aliceId, new SignalPayload.Offer(sdp));

            assertEquals(new SignalPayload.Offer(sdp), heardByAlice.signals.poll(10, TimeUnit.SECONDS));
            assertEquals(List.of(), heardByAlice.problems);
        }
    }

    /**
     * Joining a full room on a machine with several network interfaces sends a burst of offers and
     * candidates well over the relay's default rate (burst 50, 20/s): the client paces itself, so
     * the relay drops none of them and keeps the connection.
     */
    @Test
    void aBurstOverTheRelaysRateArrivesCompleteAndInOrder() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             RelaySignaling alice = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
             RelaySignaling bob = new RelaySignaling(RelayConnectionConfig.of(relay.uri()))) {
            RecordingListener heardByAlice = new RecordingListener();
            RecordingListener heardByBob = new RecordingListener();
            PeerId aliceId = join(alice, "alice", heardByAlice);
            join(bob, "bob", heardByBob);

            List<SignalPayload> sent = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                sent.add(new SignalPayload.Candidate("0", 0, "candidate:" + i + " 1 udp 2122260223 198.18.0." + (i % 250 + 1)
                        + " 5" + String.format("%04d", i) + " typ host"));
            }
            sent.forEach(candidate -> bob.send(aliceId, candidate));

            List<SignalPayload> received = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                // Paced at 16/s each follows within a fraction of a second; a stalled queue would
                // only move again with the next keepalive ping, 15 s later.
                SignalPayload next = heardByAlice.signals.poll(5, TimeUnit.SECONDS);
                if (next == null) {
                    break;
                }
                received.add(next);
            }
            assertEquals(sent, received);
            assertEquals(List.of(), heardByBob.problems, "the sender was never rate-limited or cut off");
        }
    }

    private static PeerId join(RelaySignaling client, String name, RecordingListener listener) throws Exception {
        PeerId id = PeerId.random();
        client.join(new RoomRequest("big", name, id, false, List.of()), listener);
        listener.joined.get(10, TimeUnit.SECONDS);
        return id;
    }

    /** An SDP whose signal frame is exactly the relay's limit. */
    private static String sdpFillingTheFrame(PeerId to, int frameLimit) {
        String empty = RelayMessages.signal(to, new SignalPayload.Offer(""));
        int room = frameLimit - empty.getBytes(StandardCharsets.UTF_8).length;
        String sdp = "a".repeat(room); // nothing JSON must escape, so one byte per character
        assertEquals(frameLimit, RelayMessages.signal(to, new SignalPayload.Offer(sdp)).getBytes(StandardCharsets.UTF_8).length);
        return sdp;
    }
}
