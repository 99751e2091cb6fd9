package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 12: Gson writes U+2028 as {@code \u2028} (3 bytes become 6), so a signal under the frame
 * limit could become a frame the relay's own WebSocket refused to write: the addressee got
 * nothing, the sender no error, and the log a preview of the frame. Now the sender is told.
 */
class ReencodedSignalTest {

    @Test
    void aSignalThatGrowsPastTheLimitWhenForwardedIsRefusedToItsSender() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient alice = f.connect();
            alice.join("demo", "alice", "alice-0001");
            TestClient bob = f.connect();
            bob.join("demo", "bob", "bob-00001");
            alice.expect("peer-joined");

            String separators = "\u2028".repeat(21_000);
            JsonObject signal = TestClient.signal("alice-0001", TestClient.payload("offer", separators));
            int sentBytes = signal.toString().replace("\\u2028", "\u2028").getBytes(StandardCharsets.UTF_8).length;
            assertTrue(sentBytes < f.relay.config().maxFrameBytes(), "the frame itself is allowed: " + sentBytes);
            bob.send(signal.toString().replace("\\u2028", "\u2028"));

            JsonObject error = bob.expectError("signal_too_large");
            assertEquals("signal", error.get("ref").getAsString());
            assertTrue(bob.isOpen());
            alice.roundTrip();
            assertEquals(0, alice.pending(), "nothing half-arrived");

            // A payload that stays under the limit once re-encoded still goes through.
            bob.send(TestClient.signal("alice-0001", TestClient.payload("offer", "\u2028".repeat(1000))).toString()
                    .replace("\\u2028", "\u2028"));
            assertEquals("\u2028".repeat(1000), alice.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
        } finally {
            root.detachAppender(log);
        }
        for (ILoggingEvent event : log.list) {
            assertTrue(!event.getFormattedMessage().contains("\u2028") && !event.getFormattedMessage().contains("offer"),
                    "the log shows nothing of the message: " + event.getFormattedMessage());
        }
    }
}
