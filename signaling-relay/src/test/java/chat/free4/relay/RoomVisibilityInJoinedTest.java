package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, public flag: whoever creates a room decides whether it is listed, and a later
 * {@code public:false} join landed in a listed room without being told. {@code joined} says it.
 */
class RoomVisibilityInJoinedTest {

    @Test
    void joinedTellsWhetherTheRoomIsListedWhateverTheJoinerAskedFor() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient creator = f.connect();
            JsonObject created = creator.join("listed", "alice");
            assertTrue(created.get("public").getAsBoolean());

            TestClient joiner = f.connect();
            JsonObject privateJoin = TestClient.joinMessage("listed", "bob");
            privateJoin.addProperty("public", false);
            joiner.send(privateJoin);
            JsonObject joined = joiner.expect("joined");
            assertTrue(joined.has("public"), joined.toString());
            assertTrue(joined.get("public").getAsBoolean(), "bob asked for private but the room is listed");

            TestClient hidden = f.connect();
            JsonObject hiddenJoin = TestClient.joinMessage("unlisted", "carol");
            hiddenJoin.addProperty("public", false);
            hidden.send(hiddenJoin);
            assertEquals(false, hidden.expect("joined").get("public").getAsBoolean());
        }
    }
}
