package chat.free4.signaling;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one payload codec both transports use: the bytes of docs/PROTOCOL.md, and nothing hostile gets through. */
class SignalPayloadCodecTest {

    @Test
    void payloadsAreWrittenAsTheProtocolShowsThem() {
        assertEquals("{\"kind\":\"offer\",\"sdp\":\"v=0\\r\\n\"}",
                SignalPayloadCodec.encode(new SignalPayload.Offer("v=0\r\n")).toString());
        assertEquals("{\"kind\":\"answer\",\"sdp\":\"v=0\"}",
                SignalPayloadCodec.encode(new SignalPayload.Answer("v=0")).toString());
        assertEquals("{\"kind\":\"candidate\",\"mid\":\"0\",\"index\":0,\"candidate\":\"candidate:1 1 udp 1 198.18.0.1 5000 typ host\"}",
                SignalPayloadCodec.encode(new SignalPayload.Candidate("0", 0, "candidate:1 1 udp 1 198.18.0.1 5000 typ host")).toString());
    }

    @Test
    void everyPayloadReadsBackTheSame() throws Exception {
        SignalPayload[] payloads = {
            new SignalPayload.Offer("v=0\r\no=- 1 2 IN IP4 198.18.0.1\r\n"),
            new SignalPayload.Answer(""),
            new SignalPayload.Candidate("audio", 3, "candidate:1 1 udp 2122260223 198.18.0.1 5000 typ host"),
        };
        for (SignalPayload payload : payloads) {
            assertEquals(payload, SignalPayloadCodec.decode(SignalPayloadCodec.encode(payload)));
        }
    }

    @Test
    void hostilePayloadsAreRefusedWithAReason() {
        String[] payloads = {
            "null", "\"x\"", "[]", "42", "{}", "{\"kind\":7}", "{\"kind\":\"nope\"}",
            "{\"kind\":\"" + "k".repeat(17) + "\"}",
            "{\"kind\":\"offer\"}", "{\"kind\":\"offer\",\"sdp\":null}", "{\"kind\":\"offer\",\"sdp\":{}}",
            "{\"kind\":\"answer\",\"sdp\":\"" + "a".repeat(SignalPayloadCodec.MAX_SDP_CHARS + 1) + "\"}",
            "{\"kind\":\"candidate\",\"mid\":\"0\",\"candidate\":\"c\"}",
            "{\"kind\":\"candidate\",\"mid\":\"0\",\"index\":\"0\",\"candidate\":\"c\"}",
            "{\"kind\":\"candidate\",\"mid\":\"0\",\"index\":1.5,\"candidate\":\"c\"}",
            "{\"kind\":\"candidate\",\"mid\":\"0\",\"index\":99999999999,\"candidate\":\"c\"}",
            "{\"kind\":\"candidate\",\"mid\":\"" + "m".repeat(SignalPayloadCodec.MAX_MID_CHARS + 1) + "\",\"index\":0,\"candidate\":\"c\"}",
            "{\"kind\":\"candidate\",\"mid\":\"0\",\"index\":0,\"candidate\":\"" + "c".repeat(SignalPayloadCodec.MAX_CANDIDATE_CHARS + 1) + "\"}",
        };
        for (String payload : payloads) {
            assertThrows(MalformedMessageException.class, () -> SignalPayloadCodec.decode(JsonParser.parseString(payload)), payload);
        }
        assertThrows(MalformedMessageException.class, () -> SignalPayloadCodec.decode(null));
    }
}
