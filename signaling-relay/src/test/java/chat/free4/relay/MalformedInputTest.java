package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.relay.protocol.ErrorCode;
import com.google.gson.JsonObject;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets its error code; the offender stays connected and a bystander in its room is unaffected. */
class MalformedInputTest {
    private RelayFixture f;
    private TestClient offender;
    private TestClient bystander;

    @BeforeEach
    void start() throws Exception {
        f = new RelayFixture(RelayFixture.loopback());
        bystander = f.connect();
        bystander.join("demo", "bystander", "bystander-1");
        offender = f.connect();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    static Stream<Arguments> badFrames() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        return Stream.of(
                Arguments.of("not json", "bad_json"),
                Arguments.of("", "bad_json"),
                Arguments.of("[1,2,3]", "bad_json"),
                Arguments.of("\"join\"", "bad_json"),
                Arguments.of("42", "bad_json"),
                Arguments.of("null", "bad_json"),
                Arguments.of("{\"type\":\"ping\"", "bad_json"),
                Arguments.of("{\"type\":\"ping\"} {\"type\":\"ping\"}", "bad_json"),
                Arguments.of("{type:'ping'}", "bad_json"),
                Arguments.of("{\"type\":\"ping\",\"id\":" + deep + "}", "bad_json"),
                Arguments.of("{}", "bad_message"),
                Arguments.of("{\"type\":7}", "bad_message"),
                Arguments.of("{\"type\":null}", "bad_message"),
                Arguments.of("{\"type\":[\"join\"]}", "bad_message"),
                Arguments.of("{\"type\":\"dance\"}", "unknown_type"),
                Arguments.of("{\"type\":\"JOIN\"}", "unknown_type"),
                Arguments.of("{\"type\":\"join\"}", "bad_message"),
                Arguments.of("{\"type\":\"join\",\"room\":\"demo\"}", "bad_message"),
                Arguments.of("{\"type\":\"join\",\"room\":5,\"name\":\"x\"}", "bad_message"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":{}}", "bad_message"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"public\":\"yes\"}", "bad_message"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"tags\":\"music\"}", "bad_message"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"tags\":[1]}", "bad_message"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"peerId\":12345678}", "bad_message"),
                Arguments.of("{\"type\":\"join\",\"room\":\"\",\"name\":\"x\"}", "invalid_room_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"   \",\"name\":\"x\"}", "invalid_room_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"a/b\",\"name\":\"x\"}", "invalid_room_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"" + "r".repeat(65) + "\",\"name\":\"x\"}",
                        "invalid_room_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\\u0000\",\"name\":\"x\"}", "invalid_room_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"\"}", "invalid_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"a\\nb\"}", "invalid_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"evil\\u202Eeman\"}", "invalid_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"" + "n".repeat(33) + "\"}",
                        "invalid_name"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"peerId\":\"short\"}",
                        "invalid_peer_id"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"peerId\":\"has space in\"}",
                        "invalid_peer_id"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"secret\":\"1234567\"}",
                        "invalid_peer_id"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"tags\":[\"Music\"]}", "invalid_tags"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}",
                        "invalid_tags"),
                Arguments.of("{\"type\":\"join\",\"room\":\"r\",\"name\":\"x\",\"tags\":[\"\"]}", "invalid_tags"),
                Arguments.of("{\"type\":\"signal\",\"to\":\"bystander-1\",\"payload\":{}}", "not_joined"),
                Arguments.of("{\"type\":\"signal\",\"to\":\"bystander-1\"}", "bad_message"),
                Arguments.of("{\"type\":\"signal\",\"to\":\"bystander-1\",\"payload\":\"offer\"}", "bad_message"),
                Arguments.of("{\"type\":\"signal\",\"payload\":{}}", "bad_message"),
                Arguments.of("{\"type\":\"leave\"}", "not_joined"),
                Arguments.of("{\"type\":\"list\",\"offset\":-1}", "bad_message"),
                Arguments.of("{\"type\":\"list\",\"limit\":0}", "bad_message"),
                Arguments.of("{\"type\":\"list\",\"limit\":\"10\"}", "bad_message"),
                Arguments.of("{\"type\":\"list\",\"limit\":2.5}", "bad_message"),
                Arguments.of("{\"type\":\"list\",\"offset\":1e999999999}", "bad_message"),
                Arguments.of("{\"type\":\"list\",\"offset\":99999999999999999999}", "bad_message"),
                Arguments.of("{\"type\":\"list\",\"tag\":\"No Tag\"}", "invalid_tags"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badFrames")
    void badFrameIsRefusedWithItsCodeAndTheConnectionStays(String frame, String code) throws Exception {
        offender.send(frame);
        offender.expectError(code);
        offender.roundTrip();
        assertBystanderUnaffected();
    }

    @Test
    void errorsNameTheMessageTypeThatCausedThem() throws Exception {
        offender.send("{\"type\":\"join\",\"room\":\"\",\"name\":\"x\"}");
        assertEquals("join", offender.expectError("invalid_room_name").get("ref").getAsString());
        offender.send("{\"type\":\"dance\"}");
        assertEquals("dance", offender.expectError("unknown_type").get("ref").getAsString());
    }

    @Test
    void binaryFramesOfRandomBytesAreRefusedAsBadJson() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            byte[] bytes = new byte[1 + random.nextInt(2000)];
            random.nextBytes(bytes);
            offender.sendBinary(bytes);
            offender.expectError("bad_json");
        }
        offender.roundTrip();
        assertBystanderUnaffected();
    }

    @Test
    void randomPrintableGarbageIsRefusedWithoutHarm() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 30; i++) {
            StringBuilder garbage = new StringBuilder();
            int length = 1 + random.nextInt(300);
            for (int j = 0; j < length; j++) {
                garbage.append((char) (0x20 + random.nextInt(0x5f)));
            }
            offender.send(garbage.toString());
            JsonObject error = offender.expect("error");
            String code = error.get("code").getAsString();
            assertTrue(code.equals("bad_json") || code.equals("bad_message") || code.equals("unknown_type"),
                    "unexpected code " + code);
        }
        offender.roundTrip();
        assertBystanderUnaffected();
    }

    @Test
    void randomBytesOnARawSocketAreRejectedByHttpAndHarmNoOne() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 5; i++) {
            try (java.net.Socket raw = new java.net.Socket(f.relay.uri().getHost(), f.relay.port())) {
                raw.setSoTimeout((int) TestClient.WAIT.toMillis());
                byte[] garbage = new byte[1 + random.nextInt(4000)];
                random.nextBytes(garbage);
                raw.getOutputStream().write(garbage);
                raw.getOutputStream().write("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                raw.getOutputStream().flush();
                // The relay answers with an HTTP client error: never an upgrade, a page or a 5xx.
                String answer = new String(raw.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(answer.matches("(?s)HTTP/1\\.[01] 4\\d\\d .*"),
                        "rejected as bad HTTP: " + answer.lines().findFirst().orElse(""));
            }
        }
        assertBystanderUnaffected();
        offender.roundTrip();
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        offender.send("{\"type\":\"ping\",\"id\":\"a\",\"future\":{\"x\":[1]}}");
        assertEquals("a", offender.expect("pong").get("id").getAsString());
        offender.send("{\"type\":\"join\",\"room\":\"demo\",\"name\":\"o\",\"colour\":\"blue\"}");
        offender.expect("joined");
        bystander.expect("peer-joined");
    }

    @Test
    void joiningTwiceIsRefusedAsAlreadyJoined() throws Exception {
        offender.join("demo", "offender");
        bystander.expect("peer-joined");
        offender.send(TestClient.joinMessage("elsewhere", "offender"));
        offender.expectError("already_joined");
        assertEquals(1, f.relay.rooms());
    }

    @Test
    void addressingAPeerOfAnotherRoomIsRefusedAsUnknownPeer() throws Exception {
        offender.join("other-room", "offender");
        offender.send(TestClient.signal("bystander-1", TestClient.payload("offer", "sneaky")));
        offender.expectError("unknown_peer");
        offender.send(TestClient.signal("no-such-peer", TestClient.payload("offer", "x")));
        offender.expectError("unknown_peer");
        JsonObject self = TestClient.signal("x", TestClient.payload("offer", "x"));
        offender.send("{\"type\":\"leave\"}");
        offender.expect("left");
        offender.send(self);
        offender.expectError("not_joined");
        assertBystanderUnaffected();
        assertEquals(0, f.relay.metrics().messagesForwarded());
        assertTrue(f.relay.metrics().refused(ErrorCode.UNKNOWN_PEER) >= 2);
    }

    /** The bystander gets no stray message and still answers. */
    private void assertBystanderUnaffected() throws Exception {
        bystander.roundTrip();
        assertEquals(0, bystander.pending(), "bystander received something unexpected");
        assertTrue(bystander.isOpen());
    }
}
