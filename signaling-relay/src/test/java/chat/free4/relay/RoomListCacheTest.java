package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: {@code list} scanned and sorted every room on every call. The sorted list is kept until
 * membership changes, and a change shows in the very next list.
 */
class RoomListCacheTest {

    @Test
    void theListIsSortedOncePerChangeAndAlwaysCurrent() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxConnectionsPerAddress(100)
                .withRate(1000, 1000))) {
            List<TestClient> members = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                TestClient c = f.connect();
                c.join("room-" + i, "m" + i);
                members.add(c);
            }
            TestClient lister = f.connect();
            long before = f.relay.roomListBuilds();
            for (int i = 0; i < 50; i++) {
                lister.send("{\"type\":\"list\",\"limit\":100}");
                assertEquals(20, lister.expect("rooms").get("total").getAsInt());
            }
            assertEquals(1, f.relay.roomListBuilds() - before, "50 lists without a change, one sort");

            TestClient second = f.connect();
            second.join("room-7", "other");
            lister.send("{\"type\":\"list\",\"limit\":1}");
            JsonObject hottest = lister.expect("rooms").getAsJsonArray("rooms").get(0).getAsJsonObject();
            assertEquals("room-7", hottest.get("room").getAsString(), "the change shows at once");
            assertEquals(2, hottest.get("members").getAsInt());

            members.get(3).send("{\"type\":\"leave\"}");
            members.get(3).expect("left");
            lister.send("{\"type\":\"list\",\"limit\":100}");
            assertEquals(19, lister.expect("rooms").get("total").getAsInt());
        }
    }
}
