package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, the relay client's backoff: the connection the app signals through ({@link RelayConnection})
 * against a real relay that is down, then up, then stopped again. Each wait it chooses doubles from the
 * first step up to the cap (within its ±20 % jitter), the next attempt never starts before it, and a
 * connection the relay accepted starts the backoff from the first step again. The delays are the ones
 * the client reports choosing, so no timing is measured against a guess.
 */
class RelayBackoffTest {
    private static final long FIRST = 40;
    private static final long CAP = 320;

    private record Lost(String sentence, boolean neverOpened, long retryMillis, long atNanos) {
    }

    private record Connecting(boolean afterFailure, long atNanos) {
    }

    private static final class Recorder implements RelayConnection.Handler {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void onConnecting(boolean afterFailure) {
            events.add(new Connecting(afterFailure, System.nanoTime()));
        }

        @Override
        public void onOpen() {
            events.add("open");
        }

        @Override
        public void onMessage(com.google.gson.JsonObject message) {
        }

        @Override
        public void onLost(String sentence, boolean neverOpened, long retryMillis) {
            events.add(new Lost(sentence, neverOpened, retryMillis, System.nanoTime()));
        }

        <T> T next(Class<T> kind) throws InterruptedException {
            Object e = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(e, "no event within 20 s, waiting for " + kind.getSimpleName());
            assertTrue(kind.isInstance(e), "expected " + kind.getSimpleName() + ", got " + e);
            return kind.cast(e);
        }
    }

    @Test
    void theWaitDoublesUpToItsCapAndStartsAgainAfterAnAcceptedConnection() throws Exception {
        TestRelay relay = TestRelay.start("127.0.0.1");
        relay.stop(); // its port is now closed: every attempt is refused at once
        Recorder rec = new Recorder();
        RelayConnectionConfig config = new RelayConnectionConfig(relay.uri(), Duration.ofSeconds(60),
                Duration.ofMillis(FIRST), Duration.ofMillis(CAP), Duration.ofSeconds(5));
        RelayConnection connection = new RelayConnection(config, "backoff-test", rec);
        try {
            connection.post(connection::start);
            assertFalse(rec.next(Connecting.class).afterFailure(), "the first attempt is not a retry");
            // 40, 80, 160, 320 and then the cap again and again.
            long[] bases = {FIRST, 2 * FIRST, 4 * FIRST, CAP, CAP, CAP, CAP};
            for (int i = 0; i < bases.length; i++) {
                Lost lost = rec.next(Lost.class);
                assertTrue(lost.neverOpened(), "attempt " + i + " never opened");
                assertTrue(lost.sentence().contains("cannot be reached"), lost.sentence());
                assertWithinJitter(bases[i], lost.retryMillis(), "wait " + i);
                Connecting retry = rec.next(Connecting.class);
                assertTrue(retry.afterFailure(), "a retry says so");
                assertTrue(retry.atNanos() - lost.atNanos() >= TimeUnit.MILLISECONDS.toNanos(lost.retryMillis()),
                        "attempt " + (i + 1) + " waited its " + lost.retryMillis() + " ms");
            }

            relay.startAgain();
            Object e;
            do { // attempts still refused before the relay was listening
                e = rec.events.poll(20, TimeUnit.SECONDS);
                assertNotNull(e, "the relay's connection opened");
                if (e instanceof Lost lost) {
                    assertWithinJitter(CAP, lost.retryMillis(), "a wait while the relay started");
                }
            } while (!"open".equals(e));
            CountDownLatch accepted = new CountDownLatch(1);
            connection.post(() -> {
                connection.succeeded(); // what RelaySignaling does on "joined"
                accepted.countDown();
            });
            assertTrue(accepted.await(10, TimeUnit.SECONDS));

            relay.stop(); // the relay closes the connection (shutting_down)
            Lost closed = rec.next(Lost.class);
            assertFalse(closed.neverOpened(), "that connection had opened: " + closed);
            assertTrue(closed.sentence().contains("closed"), closed.sentence());
            assertWithinJitter(FIRST, closed.retryMillis(), "the first wait after an accepted connection");
            rec.next(Connecting.class);
            assertWithinJitter(2 * FIRST, rec.next(Lost.class).retryMillis(), "and it grows again");
        } finally {
            connection.close();
            relay.close();
        }
    }

    /** The client's jitter is ±20 % of the step, rounded to a millisecond. */
    private static void assertWithinJitter(long base, long chosen, String what) {
        assertTrue(chosen >= Math.round(base * 0.8) && chosen <= Math.round(base * 1.2),
                what + ": " + chosen + " ms is not within 20 % of " + base + " ms");
    }
}
