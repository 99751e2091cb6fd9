package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.relay.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * The relay joins a message sent in pieces (a text frame without FIN and its continuations) and
 * holds the whole message, not each piece, to the size limit; a binary message in pieces is
 * refused once whole, or closed with 1009 once its pieces pass the limit.
 */
class FragmentedMessagesTest {

    @Test
    void aSignalInThreePiecesArrivesWhole() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback());
             RawWebSocket raw = RawWebSocket.open(f.relay.uri(), 0)) {
            TestClient alice = f.connect();
            alice.join("demo", "alice", "alice-0001");
            raw.sendText(TestClient.joinMessage("demo", "bob").toString());
            alice.expect("peer-joined");
            // Split inside a multi-byte character too: UTF-8 is checked on the whole message.
            byte[] message = ("{\"type\":\"signal\",\"to\":\"alice-0001\",\"payload\":{\"sdp\":\"caf\u00e9 "
                    + "x".repeat(3000) + "\"}}").getBytes(StandardCharsets.UTF_8);
            int cut = new String(message, StandardCharsets.ISO_8859_1).indexOf("\u00c3") + 1;
            raw.sendFrame(false, 0x1, Arrays.copyOfRange(message, 0, cut));
            raw.sendFrame(false, 0x0, Arrays.copyOfRange(message, cut, 2000));
            raw.sendFrame(true, 0x0, Arrays.copyOfRange(message, 2000, message.length));
            assertEquals("caf\u00e9 " + "x".repeat(3000),
                    alice.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
        }
    }

    @Test
    void piecesTogetherOverTheLimitCloseWith1009() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxFrameBytes(1024));
             RawWebSocket raw = RawWebSocket.open(f.relay.uri(), 0)) {
            TestClient bystander = f.connect();
            raw.sendFrame(false, 0x1, "{\"type\":\"ping\",\"id\":\"".getBytes(StandardCharsets.US_ASCII));
            raw.sendFrame(false, 0x0, "x".repeat(600).getBytes(StandardCharsets.US_ASCII));
            raw.sendFrame(true, 0x0, ("x".repeat(600) + "\"}").getBytes(StandardCharsets.US_ASCII));
            assertEquals(1009, raw.readUntilClose());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> f.relay.metrics().refused(ErrorCode.FRAME_TOO_LARGE) == 1);
            bystander.roundTrip();
        }
    }

    @Test
    void binaryPiecesAreRefusedOnceWholeAndClosedPastTheLimit() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxFrameBytes(1024));
             RawWebSocket raw = RawWebSocket.open(f.relay.uri(), 0)) {
            raw.sendFrame(false, 0x2, new byte[100]);
            raw.sendFrame(true, 0x0, new byte[100]);
            assertEquals("bad_json", com.google.gson.JsonParser.parseString(raw.readText())
                    .getAsJsonObject().get("code").getAsString());
            for (int i = 0; i < 3; i++) {
                raw.sendFrame(false, i == 0 ? 0x2 : 0x0, new byte[400]);
            }
            assertEquals(1009, raw.readUntilClose());
        }
    }
}
