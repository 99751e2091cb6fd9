package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The relay accepts no permessage-deflate, even when a client offers it (every WebSocket library
 * does by default): a deflater and an inflater per client cost it more CPU per signal than the
 * rest of forwarding (decision 0021). Clients that offered it still talk, uncompressed.
 */
class NoCompressionTest {
    @Test
    void anOfferedDeflateIsNotAcceptedAndTheClientIsServedUncompressed() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback());
             RawWebSocket ws = RawWebSocket.open(f.relay.uri(), 0,
                     "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n")) {
            assertFalse(ws.upgradeHead().toLowerCase(Locale.ROOT).contains("sec-websocket-extensions"),
                    "no extension accepted: " + ws.upgradeHead());
            ws.sendText("{\"type\":\"join\",\"room\":\"plain\",\"name\":\"Ada\",\"peerId\":\"peer-ada-1\"}");
            String joined = ws.readText(); // a compressed frame would not read as this JSON
            assertTrue(joined.startsWith("{") && joined.contains("\"joined\""), joined);
        }
    }
}
