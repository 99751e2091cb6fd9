package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import chat.free4.relay.protocol.ErrorCode;
import chat.free4.testrelay.FrameProxy;
import chat.free4.peer.PeerId;
import chat.free4.relay.config.RelayConfig;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalingState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a relay that closes the client's connection itself (idle, rate limited, too slow to read) sees the same
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

    @Test
    void aClientDroppedAsTooSlowToReadRejoinsAsTheSamePeer() throws Exception {
        // Few queued bytes allowed; no rate limit in the way of the flood.
        RelayConfig config = RelayConfig.defaults().withBind("127.0.0.1").withPort(0)
                .withRate(100_000, 100_000).withMaxOutboundBytes(256 * 1024, 512L * 1024 * 1024);
        AtomicInteger connections = new AtomicInteger();
        AtomicBoolean stall = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        try (TestRelay relay = TestRelay.start(config);
             // Ada's first connection stops reading from the relay while stall is set, as a client on a
             // frozen link would: the relay's socket buffers fill and its queue for her grows.
             FrameProxy proxy = FrameProxy.start(relay.uri(), () -> {
                 boolean first = connections.incrementAndGet() == 1;
                 return new FrameProxy.Handler() {
                     @Override
                     public void toClient(FrameProxy.Frame frame) {
                         if (first && stall.get()) {
                             try {
                                 release.await(60, TimeUnit.SECONDS);
                             } catch (InterruptedException e) {
                                 Thread.currentThread().interrupt();
                             }
                         }
                     }
                 };
             });
             RelaySignaling ada = new RelaySignaling(new RelayConnectionConfig(proxy.uri(), Duration.ofSeconds(15),
                     Duration.ofSeconds(2), Duration.ofSeconds(16), Duration.ofSeconds(5)));
             RelaySignaling bob = new RelaySignaling(client(relay))) {
            RoomEvents events = new RoomEvents();
            RoomEvents bobEvents = new RoomEvents();
            PeerId id = PeerId.random();
            PeerId bobId = PeerId.random();
            bob.join(new RoomRequest("porch", "bob", bobId, false, List.of()), bobEvents);
            assertEquals(bobId, bobEvents.joins.poll(20, TimeUnit.SECONDS));
            ada.join(new RoomRequest("porch", "ada", id, false, List.of()), events);
            assertEquals(id, events.joins.poll(20, TimeUnit.SECONDS), events.log.toString());

            stall.set(true);
            String big = "v=0 " + "x".repeat(50_000);
            for (int i = 0; i < 200; i++) {
                bob.send(id, new SignalPayload.Offer(big));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> relay.server().metrics().refused(ErrorCode.SLOW_CONSUMER) == 1);
            release.countDown(); // the link thaws: ada finds her connection gone

            assertEquals(id, events.joins.poll(30, TimeUnit.SECONDS), "re-joined: " + events.log);
            assertEquals(2, connections.get(), "one new connection");
            List<String> retries = events.log.stream().filter(l -> l.startsWith("state RECONNECTING") && l.contains("Retrying"))
                    .toList();
            assertEquals(1, retries.size(), events.log.toString());
            assertTrue(retries.get(0).endsWith("Retrying in 2 s."), retries.get(0));
            bob.send(id, new SignalPayload.Offer("v=0 after the rejoin"));
            SignalPayload got;
            do {
                got = events.signals.poll(60, TimeUnit.SECONDS);
                assertNotNull(got, "ada got bob's signal sent after her re-join");
            } while (!got.equals(new SignalPayload.Offer("v=0 after the rejoin")));
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
