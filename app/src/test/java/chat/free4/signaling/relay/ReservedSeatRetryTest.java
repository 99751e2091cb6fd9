package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import chat.free4.relay.config.RelayConfig;
import chat.free4.peer.PeerId;
import chat.free4.signaling.RoomRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, seat squatting, client side: a relay keeps a dropped peer's seat for its secret during
 * a grace period and refuses the peer id meanwhile with {@code peer_id_taken} and {@code retryAfter}.
 * The client waits that long and joins, instead of treating the refusal as final.
 */
class ReservedSeatRetryTest {

    @Test
    void aJoinRefusedBecauseTheSeatIsStillReservedIsRetriedAfterTheGrace() throws Exception {
        RelayConfig config = RelayConfig.defaults().withBind("127.0.0.1").withPort(0).withSeatGrace(Duration.ofSeconds(2));
        PeerId id = PeerId.random();
        try (TestRelay relay = TestRelay.start(config)) {
            dropASeatHeldWithAnotherSecret(relay, id);

            try (RelaySignaling client = new RelaySignaling(RelayConnectionConfig.of(relay.uri()))) {
                RecordingListener listener = new RecordingListener();
                client.join(new RoomRequest("kitchen", "ada", id, false, List.of()), listener);
                assertEquals(id, listener.joined.get(20, TimeUnit.SECONDS));
                assertTrue(listener.problems.stream().noneMatch(p -> p.startsWith("peer_id_taken")),
                        "the reservation was not reported as a refused join: " + listener.problems);
            }
        }
    }

    /** A seat with this id and a secret we do not have, whose socket then drops without a leave. */
    private static void dropASeatHeldWithAnotherSecret(TestRelay relay, PeerId id) throws Exception {
        WebSocketClient ws = new WebSocketClient();
        ws.start();
        try {
            FirstMessage listener = new FirstMessage();
            CompletableFuture<String> joined = listener.first;
            Session session = ws.connect(listener, relay.uri()).get(10, TimeUnit.SECONDS);
            session.sendText("{\"type\":\"join\",\"room\":\"kitchen\",\"name\":\"ada\",\"peerId\":\"" + id.value()
                    + "\",\"secret\":\"the-previous-run\"}", Callback.NOOP);
            assertTrue(joined.get(10, TimeUnit.SECONDS).contains("\"joined\""));
            session.disconnect();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> relay.server().connections() == 0);
        } finally {
            ws.stop();
        }
    }

    /** Public for Jetty's method lookup. */
    public static final class FirstMessage implements Session.Listener.AutoDemanding {
        final CompletableFuture<String> first = new CompletableFuture<>();

        @Override
        public void onWebSocketText(String message) {
            first.complete(message);
        }
    }
}
