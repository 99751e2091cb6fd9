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
 * Issue 15: a signal's payload is checked and forwarded as the text it came in, not parsed into a
 * tree and written again. Issue 12's guard stays for the rare signal the relay must still re-write
 * (one whose field names use escapes): Gson writes U+2028 as {@code \u2028}, 3 bytes become 6, and
 * a frame grown past the limit is refused to its sender instead of being lost on its way out.
 */
class SignalPayloadGoesOnAsItCameTest {

    @Test
    void aPayloadArrivesByteForByte() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient alice = f.connect();
            alice.join("demo", "alice", "alice-0001");
            TestClient bob = f.connect();
            bob.join("demo", "bob", "bob-00001");
            alice.expect("peer-joined");

            // Near the frame limit, with what a re-encoder would change: separators (3 bytes each,
            // 6 once escaped), escapes it would undo, spacing, exponents and nesting.
            String payload = "{ \"type\" : \"offer\",\"sdp\":\"" + "\u2028".repeat(21_000) + "\\/\\u00e9\\n\","
                    + "\"n\":[1.0e+2,-0,{\"deep\":[[true,false,null]]}] }";
            String message = "{\"type\":\"signal\",\"to\":\"alice-0001\",\"payload\":" + payload + "}";
            assertTrue(message.getBytes(StandardCharsets.UTF_8).length < f.relay.config().maxFrameBytes());
            bob.send(message);

            alice.expect("signal");
            assertEquals("{\"type\":\"signal\",\"from\":\"bob-00001\",\"payload\":" + payload + "}", alice.lastText());
        }
    }

    @Test
    void aMalformedPayloadIsRefusedAndNothingIsForwarded() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient alice = f.connect();
            alice.join("demo", "alice", "alice-0001");
            TestClient bob = f.connect();
            bob.join("demo", "bob", "bob-00001");
            alice.expect("peer-joined");
            String[] payloads = {
                "{\"sdp\":\"a\",}", // trailing comma
                "{\"sdp\":\"a\u0001\"}", // unescaped control character
                "{\"sdp\":01}", // leading zero
                "{\"sdp\":\"\\x\"}", // unknown escape
                "{/*c*/\"sdp\":1}", // comment
                "{'sdp':1}", // single quotes
                "{\"sdp\":" + "[".repeat(70) + "]".repeat(70) + "}", // deeper than the relay allows
                "{\"sdp\":\"a\"", // unterminated
            };
            for (String payload : payloads) {
                bob.send("{\"type\":\"signal\",\"to\":\"alice-0001\",\"payload\":" + payload + "}");
                bob.expectError("bad_json");
            }
            alice.roundTrip();
            assertEquals(0, alice.pending(), "nothing was forwarded");
        }
    }

    @Test
    void aSignalThatMustBeRewrittenAndGrowsPastTheLimitIsRefusedToItsSender() throws Exception {
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

            // "p\u0061yload" is "payload" spelt with an escape: the general parser reads it.
            String separators = "\u2028".repeat(21_000);
            String rewritten = "{\"type\":\"signal\",\"to\":\"alice-0001\",\"p\\u0061yload\":{\"type\":\"offer\",\"sdp\":\"";
            String signal = rewritten + separators + "\"}}";
            int sentBytes = signal.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(sentBytes < f.relay.config().maxFrameBytes(), "the frame itself is allowed: " + sentBytes);
            bob.send(signal);

            JsonObject error = bob.expectError("signal_too_large");
            assertEquals("signal", error.get("ref").getAsString());
            assertTrue(bob.isOpen());
            alice.roundTrip();
            assertEquals(0, alice.pending(), "nothing half-arrived");

            // One that stays under the limit once re-written still goes through.
            bob.send(rewritten + "\u2028".repeat(1000) + "\"}}");
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
