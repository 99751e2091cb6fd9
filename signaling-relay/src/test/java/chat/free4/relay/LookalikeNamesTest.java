package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, names that look alike: each of these passed {@code name_taken} next to "alice", and
 * lookalike room names made separate, publicly listed rooms. Names are compared by a confusable
 * skeleton now (decision 0013); names with nothing visible are refused.
 */
class LookalikeNamesTest {
    private RelayFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new RelayFixture(RelayFixture.loopback());
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void namesThatLookLikeSomeoneInTheRoomAreTaken() throws Exception {
        TestClient alice = f.connect();
        alice.join("demo", "alice");
        List<String> lookalikes = List.of("al\u200Dice", "alice\uFE0F", "alice\u0301", "\u0430lice", "alice\u00A0",
                "\uFF41lice", "al\u0456ce", "\u0430l\u0456\u0441\u0435");
        TestClient mallory = f.connect();
        for (String name : lookalikes) {
            mallory.send(TestClient.joinMessage("demo", name));
            JsonObject error = mallory.expectError("name_taken");
            assertEquals("join", error.get("ref").getAsString(), name);
        }
        // Different names still join: another case, another letter.
        mallory.join("demo", "Alice");
        TestClient bob = f.connect();
        bob.join("demo", "bob");
    }

    @Test
    void namesWithNothingVisibleAreRefused() throws Exception {
        TestClient c = f.connect();
        for (String name : List.of("\u3164", "\u2800", "\u200D", "\u3164\u3164 \u2800", "\u0301", "\uFE0F")) {
            c.send(TestClient.joinMessage("demo", name));
            JsonObject error = c.expectError("invalid_name");
            assertEquals("A display name needs at least one visible character.", error.get("message").getAsString(),
                    "for " + name.codePoints().mapToObj(Integer::toHexString).toList());
        }
        c.send(TestClient.joinMessage("\u3164", "carol"));
        c.expectError("invalid_room_name");
        c.join("demo", "carol");
    }

    @Test
    void aLookalikeRoomNameIsTheSameRoomAndIsNotListedTwice() throws Exception {
        TestClient alice = f.connect();
        alice.join("demo", "alice");
        TestClient bob = f.connect();
        JsonObject joined = bob.join("d\u0435mo", "bob"); // Cyrillic e
        assertEquals("demo", joined.get("room").getAsString(), "the room is reported under its own name");
        assertEquals("alice", joined.getAsJsonArray("peers").get(0).getAsJsonObject().get("name").getAsString());
        alice.expect("peer-joined");

        TestClient lister = f.connect();
        lister.send("{\"type\":\"list\"}");
        JsonObject rooms = lister.expect("rooms");
        assertEquals(1, rooms.get("total").getAsInt(), rooms.toString());
    }
}
