package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.relay.config.RelayConfig;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalingState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a relay that closes the client's connection itself (idle, rate limited) sees the same
 * peer come back. The real relay client against a real relay configured to close early; the client's
 * first backoff step is 2 s so the "Retrying in N s" it shows proves which step it chose: the first,
 * each time, since every close follows an accepted join.
 */
class RelayClosesTheConnectionTest {
    private static RelayConnectionConfig client(TestRelay relay) {
        // Pings far apart (the relay's idle close must come first); backoff 2 s doubling to 16 s.
        return new RelayConnectionConfig(relay.uri(), Duration.ofSeconds(120), Duration.ofSeconds(2),
                Duration.ofSeconds(16), Duration.ofSeconds(5));
    }

    @Test
    void anIdleConnectionClosedByTheRelayRejoinsAsTheSamePeerEachTime() throws Exception {
        RelayConfig config = RelayConfig.defaults().withBind("127.0.0.1").withPort(0).withIdleTimeout(Duration.ofSeconds(1));
        try (TestRelay relay = TestRelay.start(config);
             RelaySignaling signaling = new RelaySignaling(client(relay))) {
            RoomEvents events = new RoomEvents();
            PeerId id = PeerId.random();
            signaling.join(new RoomRequest("porch", "ada", id, false, List.of()), events);
            assertEquals(id, events.joins.poll(20, TimeUnit.SECONDS), events.log.toString());
            for (int close = 1; close <= 3; close++) {
                String error = events.errors.poll(20, TimeUnit.SECONDS);
                assertNotNull(error, "the relay closed the idle connection: " + events.log);
                assertEquals("idle_timeout: Nothing was received for 1 s; ping more often.", error);
                assertEquals(id, events.joins.poll(20, TimeUnit.SECONDS), "re-joined after close " + close + ": " + events.log);
            }
            assertRetriedAtTheFirstStepEachTime(events, 3);
        }
    }

    @Test
    void aConnectionClosedForSendingTooMuchRejoinsAsTheSamePeer() throws Exception {
        // Two messages, then one every 2 s; one warning, then the relay closes.
        RelayConfig config = RelayConfig.defaults().withBind("127.0.0.1").withPort(0)
                .withRate(2, 0.5).withRateViolationsBeforeClose(1);
        try (TestRelay relay = TestRelay.start(config);
             RelaySignaling flooder = new RelaySignaling(client(relay));
             RelaySignaling other = new RelaySignaling(client(relay))) {
            RoomEvents events = new RoomEvents();
            RoomEvents otherEvents = new RoomEvents();
            PeerId id = PeerId.random();
            PeerId otherId = PeerId.random();
            other.join(new RoomRequest("porch", "bob", otherId, false, List.of()), otherEvents);
            assertEquals(otherId, otherEvents.joins.poll(20, TimeUnit.SECONDS));
            flooder.join(new RoomRequest("porch", "ada", id, false, List.of()), events);
            assertEquals(id, events.joins.poll(20, TimeUnit.SECONDS), events.log.toString());

            for (int i = 0; i < 6; i++) {
                flooder.send(otherId, new SignalPayload.Candidate("0", 0, "candidate:" + i));
            }
            String warning = events.errors.poll(20, TimeUnit.SECONDS);
            assertEquals("rate_limited: Too many messages; this one was dropped. Slow down.", warning, events.log.toString());
            String closing = events.errors.poll(20, TimeUnit.SECONDS);
            assertEquals("rate_limited: Too many messages after repeated warnings; disconnected.", closing, events.log.toString());
            assertEquals(id, events.joins.poll(20, TimeUnit.SECONDS), "re-joined: " + events.log);
            assertRetriedAtTheFirstStepEachTime(events, 1);
            // Back in the room: a signal gets through again (the relay's bucket gave the new connection its burst).
            flooder.send(otherId, new SignalPayload.Offer("v=0 after the rejoin"));
            SignalPayload got;
            do {
                got = otherEvents.signals.poll(20, TimeUnit.SECONDS);
                assertNotNull(got, "bob got the signal sent after the re-join: " + otherEvents.log);
            } while (!(got instanceof SignalPayload.Offer));
            assertEquals(new SignalPayload.Offer("v=0 after the rejoin"), got);
        }
    }

    /** Every loss so far was told as "... Retrying in 2 s." (the first step, 1.6 to 2.4 s). */
    private static void assertRetriedAtTheFirstStepEachTime(RoomEvents events, int losses) {
        List<String> retries = events.log.stream().filter(l -> l.startsWith("state RECONNECTING") && l.contains("Retrying"))
                .toList();
        assertTrue(retries.size() >= losses, "one retry per close: " + events.log);
        for (String r : retries) {
            assertTrue(r.contains("The connection to the relay closed") && r.endsWith("Retrying in 2 s."), r);
        }
    }
}
