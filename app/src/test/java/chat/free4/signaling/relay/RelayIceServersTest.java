package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.signaling.IceServer;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The relay's iceServers are untrusted: bounded, checked, bad entries dropped with a sentence. */
class RelayIceServersTest {

    private static RelayIceServers.Result read(String json) {
        return RelayIceServers.read(JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void readsStunAndTurnEntries() {
        RelayIceServers.Result r = read("{\"type\":\"joined\",\"iceServers\":[{\"urls\":\"stun:198.19.0.10:3478\"},"
                + "{\"urls\":\"turn:198.19.0.10:3478?transport=udp\",\"username\":\"1:p\",\"credential\":\"c\"},"
                + "{\"urls\":[\"turn:198.19.0.10:3478?transport=tcp\"],\"username\":\"1:p\",\"credential\":\"c\"}]}");
        assertEquals(3, r.servers().size());
        assertEquals(new IceServer("turn:198.19.0.10:3478?transport=udp", "1:p", "c"), r.servers().get(1));
        assertTrue(r.problems().isEmpty());
        assertTrue(read("{\"type\":\"joined\"}").servers().isEmpty(), "an older relay sends none");
    }

    @Test
    void badEntriesAreDroppedAndTheGoodOnesKept() {
        RelayIceServers.Result r = read("{\"iceServers\":[\"stun:x.org\",{\"urls\":42},{\"urls\":\"198.19.0.10:3478\"},"
                + "{\"urls\":\"turn:x.org\"},{\"urls\":\"stun:x.org\",\"username\":{}},{\"urls\":[1,2]},"
                + "{\"urls\":[\"stun:a.org\",\"stun:b.org\",\"stun:c.org\",\"stun:d.org\",\"stun:e.org\"]},"
                + "{\"urls\":\"stun:good.org\"}]}");
        assertEquals(1, r.servers().size());
        assertEquals("stun:good.org", r.servers().get(0).url());
        assertEquals(7, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(3).contains("needs a username and a password"), r.problems().get(3));
        assertEquals(1, read("{\"iceServers\":{\"urls\":\"stun:x.org\"}}").problems().size());
    }

    @Test
    void theEarliestTurnExpiryIsFoundForTheRefresh() {
        RelayIceServers.Result r = read("{\"iceServers\":[{\"urls\":\"stun:s.org\"},"
                + "{\"urls\":\"turn:t.org?transport=udp\",\"username\":\"1767225900:p1\",\"credential\":\"c\"},"
                + "{\"urls\":\"turn:t.org?transport=tcp\",\"username\":\"1767225600:p1\",\"credential\":\"c\"}]}");
        assertEquals(1767225600L, r.earliestExpiry().getAsLong());
        assertTrue(read("{\"iceServers\":[{\"urls\":\"turn:t.org\",\"username\":\"alice\",\"credential\":\"pw\"}]}")
                .earliestExpiry().isEmpty(), "a long-term username has no expiry to refresh");
        assertTrue(read("{\"iceServers\":[{\"urls\":\"stun:s.org\"}]}").earliestExpiry().isEmpty());
    }

    @Test
    void theListIsBounded() {
        StringBuilder many = new StringBuilder("{\"iceServers\":[");
        for (int i = 0; i < 10_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"urls\":\"stun:s").append(i).append(".org\"}");
        }
        RelayIceServers.Result r = read(many.append("]}").toString());
        assertEquals(RelayIceServers.MAX_SERVERS, r.servers().size());
        assertEquals(1, r.problems().size());
    }
}
