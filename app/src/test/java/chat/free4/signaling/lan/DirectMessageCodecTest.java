package chat.free4.signaling.lan;

import chat.free4.peer.PeerId;
import chat.free4.signaling.SignalPayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DirectMessageCodecTest {

    @Test
    void everyMessageReadsBackTheSame() throws Exception {
        DirectMessage[] messages = {
            new DirectMessage.Hello(1, "demo", new PeerId("0123456789abcdef"), "bob", 40000, "a2V5", "cHJvb2Y="),
            new DirectMessage.Challenge(java.util.Base64.getEncoder().encodeToString(new byte[LanIdentity.NONCE_BYTES])),
            new DirectMessage.Signal(new SignalPayload.Offer("v=0\r\no=- 1 2 IN IP4 198.18.0.1\r\n")),
            new DirectMessage.Signal(new SignalPayload.Answer("v=0\r\n")),
            new DirectMessage.Signal(new SignalPayload.Candidate("0", 0, "candidate:1 1 udp 2122260223 198.18.0.1 5000 typ host")),
            new DirectMessage.Ping(),
            new DirectMessage.Bye(),
        };
        for (DirectMessage message : messages) {
            assertEquals(message, DirectMessageCodec.decode(DirectMessageCodec.encode(message)));
        }
    }

    @Test
    void hostileFramesAreRefusedWithAReason() {
        String[] frames = {
            "", "null", "[]", "42", "{", "{\"type\":7}", "{\"type\":\"nope\"}",
            "{\"type\":\"signal\"}", "{\"type\":\"signal\",\"payload\":\"x\"}",
            "{\"type\":\"signal\",\"payload\":{\"kind\":\"offer\"}}",
            "{\"type\":\"signal\",\"payload\":{\"kind\":\"candidate\",\"mid\":\"0\",\"index\":1.5,\"candidate\":\"c\"}}",
            "{\"type\":\"signal\",\"payload\":{\"kind\":\"candidate\",\"mid\":\"0\",\"index\":99999999999,\"candidate\":\"c\"}}",
            "{\"type\":\"hello\",\"v\":1,\"room\":\"de\\nmo\",\"peerId\":\"0123456789abcdef\",\"name\":\"bob\",\"port\":1}",
            "{\"type\":\"hello\",\"v\":1,\"room\":\"demo\",\"peerId\":\"../../etc\",\"name\":\"bob\",\"port\":1}",
            "{\"type\":\"hello\",\"v\":1,\"room\":\"demo\",\"peerId\":\"0123456789abcdef\",\"name\":\"\\u202Ebob\",\"port\":1}",
            "{\"type\":\"hello\",\"v\":1,\"room\":\"demo\",\"peerId\":\"0123456789abcdef\",\"name\":\"bob\",\"port\":70000}",
            "{\"type\":\"hello\",\"v\":1,\"room\":\"demo\",\"peerId\":\"0123456789abcdef\",\"name\":\"bob\",\"port\":1}",
            "{\"type\":\"challenge\",\"nonce\":\"c2hvcnQ=\"}",
            "{\"type\":\"challenge\",\"nonce\":\"%%%\"}",
            "[".repeat(10000),
        };
        for (String frame : frames) {
            assertThrows(DirectProtocolException.class,
                    () -> DirectMessageCodec.decode(frame.getBytes(StandardCharsets.UTF_8)), frame);
        }
        assertThrows(DirectProtocolException.class, () -> DirectMessageCodec.decode(new byte[] {'"', (byte) 0xc3, '"'}));
    }
}
