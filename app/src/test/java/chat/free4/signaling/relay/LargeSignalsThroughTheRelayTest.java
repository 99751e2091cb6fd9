package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.engine.TestRelay;
import chat.free4.relay.RelayConfig;
import chat.free4.signaling.PeerId;
import chat.free4.signaling.PeerInfo;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An offer as large as the relay accepts reaches the other peer intact, although the relay's
 * forwarded frame (which adds {@code from}) is larger than the frame that was sent.
 */
class LargeSignalsThroughTheRelayTest {

    @Test
    void anOfferAtTheRelaysFrameLimitIsDelivered() throws Exception {
        int frameLimit = RelayConfig.defaults().maxFrameBytes();
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             RelaySignaling alice = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
             RelaySignaling bob = new RelaySignaling(RelayConnectionConfig.of(relay.uri()))) {
            Recorder heardByAlice = new Recorder();
            Recorder heardByBob = new Recorder();
            PeerId aliceId = PeerId.random();
            alice.join(new RoomRequest("big", "alice", aliceId, false, List.of()), heardByAlice);
            heardByAlice.joined.get(10, TimeUnit.SECONDS);
            bob.join(new RoomRequest("big", "bob", PeerId.random(), false, List.of()), heardByBob);
            heardByBob.joined.get(10, TimeUnit.SECONDS);

            String sdp = sdpFillingTheFrame(aliceId, frameLimit);
            bob.send(aliceId, new SignalPayload.Offer(sdp));

            SignalPayload received = heardByAlice.signal.get(10, TimeUnit.SECONDS);
            assertEquals(new SignalPayload.Offer(sdp), received);
            assertEquals(List.of(), heardByAlice.errors);
        }
    }

    /** An SDP whose signal frame is exactly the relay's limit. */
    private static String sdpFillingTheFrame(PeerId to, int frameLimit) {
        String empty = RelayMessages.signal(to, new SignalPayload.Offer(""));
        int room = frameLimit - empty.getBytes(StandardCharsets.UTF_8).length;
        String sdp = "a".repeat(room); // nothing JSON must escape, so one byte per character
        assertEquals(frameLimit, RelayMessages.signal(to, new SignalPayload.Offer(sdp)).getBytes(StandardCharsets.UTF_8).length);
        return sdp;
    }

    private static final class Recorder implements SignalingListener {
        final CompletableFuture<PeerId> joined = new CompletableFuture<>();
        final CompletableFuture<SignalPayload> signal = new CompletableFuture<>();
        final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onJoined(PeerId self, List<PeerInfo> members) {
            joined.complete(self);
        }

        @Override
        public void onPeerJoined(PeerInfo peer) {
        }

        @Override
        public void onPeerLeft(PeerId peer) {
        }

        @Override
        public void onSignal(PeerId from, SignalPayload payload) {
            signal.complete(payload);
        }

        @Override
        public void onStateChanged(SignalingState state, String reason) {
            if (state == SignalingState.RECONNECTING) {
                errors.add("connection lost: " + reason);
            }
        }

        @Override
        public void onError(String code, String message) {
            errors.add(code + ": " + message);
        }
    }
}
