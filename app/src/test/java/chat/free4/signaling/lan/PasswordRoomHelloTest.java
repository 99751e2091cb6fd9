package chat.free4.signaling.lan;

import chat.free4.peer.PeerId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hello of a LAN password room names it by its blinded id, never by its name (decision 0020). */
class PasswordRoomHelloTest {
    private static final String BLINDED = "0123456789abcdef0123456789abcdef";

    @Test
    void aBlindedHelloReadsBackAndCarriesNoRoomName() throws Exception {
        DirectMessage.Hello hello = new DirectMessage.Hello(1, BLINDED, new PeerId("0123456789abcdef"), "bob", 40000,
                "a2V5", "cHJvb2Y=", true, "cm9vbQ==");
        byte[] frame = DirectMessageCodec.encode(hello);
        assertEquals(hello, DirectMessageCodec.decode(frame));
        String json = new String(frame, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"blind\":\"" + BLINDED + "\""), json);
        assertFalse(json.contains("\"room\""), json);
    }

    @Test
    void aHelloWithBothOrABadBlindedIdIsRefused() {
        String[] frames = {
            "{\"type\":\"hello\",\"v\":1,\"room\":\"demo\",\"blind\":\"" + BLINDED + "\",\"peerId\":\"0123456789abcdef\","
                    + "\"name\":\"bob\",\"port\":1,\"key\":\"a\",\"proof\":\"b\",\"roomProof\":\"c\"}",
            "{\"type\":\"hello\",\"v\":1,\"blind\":\"demo\",\"peerId\":\"0123456789abcdef\","
                    + "\"name\":\"bob\",\"port\":1,\"key\":\"a\",\"proof\":\"b\",\"roomProof\":\"c\"}",
            "{\"type\":\"hello\",\"v\":1,\"blind\":\"" + BLINDED.toUpperCase() + "\",\"peerId\":\"0123456789abcdef\","
                    + "\"name\":\"bob\",\"port\":1,\"key\":\"a\",\"proof\":\"b\",\"roomProof\":\"c\"}",
            "{\"type\":\"hello\",\"v\":1,\"blind\":\"" + BLINDED + "\",\"peerId\":\"0123456789abcdef\","
                    + "\"name\":\"bob\",\"port\":1,\"key\":\"a\",\"proof\":\"b\"}",
        };
        for (String frame : frames) {
            assertThrows(DirectProtocolException.class, () -> DirectMessageCodec.decode(frame.getBytes(StandardCharsets.UTF_8)),
                    frame);
        }
    }
}
