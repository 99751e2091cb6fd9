package chat.free4.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomMembershipTest {
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
    void joinReturnsOwnIdAndCurrentMembersAndOthersSeePeerJoined() throws Exception {
        TestClient alice = f.connect();
        JsonObject first = alice.join("demo", "alice", "alice-0001");
        assertEquals("demo", first.get("room").getAsString());
        assertEquals("alice-0001", first.get("peerId").getAsString());
        assertEquals(0, first.getAsJsonArray("peers").size());
        assertEquals(8, first.get("maxPeers").getAsInt());

        TestClient bob = f.connect();
        JsonObject second = bob.join("demo", "bob");
        String bobId = second.get("peerId").getAsString();
        assertTrue(bobId.matches("[A-Za-z0-9_-]{8,64}"), "assigned id " + bobId);
        JsonArray peers = second.getAsJsonArray("peers");
        assertEquals(1, peers.size());
        assertEquals("alice-0001", peers.get(0).getAsJsonObject().get("peerId").getAsString());
        assertEquals("alice", peers.get(0).getAsJsonObject().get("name").getAsString());

        JsonObject joined = alice.expect("peer-joined").getAsJsonObject("peer");
        assertEquals(bobId, joined.get("peerId").getAsString());
        assertEquals("bob", joined.get("name").getAsString());
    }

    @Test
    void signalReachesExactlyTheAddresseeWithThePayloadUnchanged() throws Exception {
        TestClient alice = f.connect();
        TestClient bob = f.connect();
        TestClient carol = f.connect();
        alice.join("demo", "alice", "alice-0001");
        bob.join("demo", "bob", "bob-00001");
        alice.expect("peer-joined");
        carol.join("demo", "carol", "carol-0001");
        alice.expect("peer-joined");
        bob.expect("peer-joined");

        String payload = "{\"kind\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 <1.2.3.4> & é\",\"n\":1.50,"
                + "\"nested\":{\"a\":[1,2,{\"b\":null}]}}";
        alice.send("{\"type\":\"signal\",\"to\":\"bob-00001\",\"payload\":" + payload + "}");
        JsonObject got = bob.expect("signal");
        assertEquals("alice-0001", got.get("from").getAsString());
        assertEquals(JsonParser.parseString(payload), got.get("payload"));

        // A marker sent after the signal: carol must get the marker and nothing before it.
        alice.send(TestClient.signal("carol-0001", TestClient.payload("marker", "")));
        JsonObject marker = carol.expect("signal");
        assertEquals("marker", marker.getAsJsonObject("payload").get("kind").getAsString());
        alice.roundTrip();
        assertEquals(0, alice.pending(), "the sender got nothing back");
        assertEquals(2, f.relay.metrics().messagesForwarded());
    }

    @Test
    void leaveAnswersLeftTellsOthersAndForgetsTheEmptyRoom() throws Exception {
        TestClient alice = f.connect();
        TestClient bob = f.connect();
        alice.join("demo", "alice", "alice-0001");
        bob.join("demo", "bob", "bob-00001");
        alice.expect("peer-joined");
        assertEquals(1, f.relay.rooms());

        bob.send("{\"type\":\"leave\"}");
        bob.expect("left");
        assertEquals("bob-00001", alice.expect("peer-left").get("peerId").getAsString());

        alice.send("{\"type\":\"leave\"}");
        alice.expect("left");
        assertEquals(0, f.relay.rooms());

        // A left connection can join again, here another room.
        alice.join("other", "alice");
        assertEquals(1, f.relay.rooms());
    }

    @Test
    void closingTheSocketCountsAsLeaving() throws Exception {
        TestClient alice = f.connect();
        TestClient bob = f.connect();
        alice.join("demo", "alice", "alice-0001");
        bob.join("demo", "bob", "bob-00001");
        alice.expect("peer-joined");

        bob.close();
        assertEquals("bob-00001", alice.expect("peer-left").get("peerId").getAsString());
        alice.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> f.relay.rooms() == 0 && f.relay.connections() == 0);
    }

    @Test
    void pingIsAnsweredWithTheSameIdOrWithoutOne() throws Exception {
        TestClient alice = f.connect();
        alice.send("{\"type\":\"ping\",\"id\":42}");
        assertEquals(42, alice.expect("pong").get("id").getAsInt());
        alice.send("{\"type\":\"ping\"}");
        assertFalse(alice.expect("pong").has("id"));
    }

    @Test
    void webSocketPingFramesAreAnsweredWithPongFrames() throws Exception {
        TestClient alice = f.connect();
        java.nio.ByteBuffer pong = alice.webSocketPing(new byte[] {1, 2, 3});
        assertEquals(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), pong);
        alice.roundTrip();
    }

    @Test
    void listShowsPublicRoomsHottestFirstWithTagFilterAndPaging() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        // "big" has 3 members, "mid" 2, "alpha" and "beta" 1 each; "secret" is private.
        String[][] layout = {{"big", "3", "music,chill"}, {"mid", "2", "music"}, {"beta", "1", ""},
                {"alpha", "1", "chill"}, {"secret", "2", "music"}};
        for (String[] room : layout) {
            for (int i = 0; i < Integer.parseInt(room[1]); i++) {
                TestClient c = f.connect();
                clients.add(c);
                JsonObject join = TestClient.joinMessage(room[0], "p" + i);
                if (!room[2].isEmpty()) {
                    TestClient.tagged(join, room[2].split(","));
                }
                if (room[0].equals("secret")) {
                    join.addProperty("public", false);
                }
                if (i > 0) {
                    // Later joiners' public/tags are ignored.
                    join.addProperty("public", true);
                    TestClient.tagged(join, "ignored");
                }
                c.send(join);
                c.expect("joined");
            }
        }
        TestClient asker = f.connect();

        asker.send("{\"type\":\"list\"}");
        JsonObject all = asker.expect("rooms");
        assertEquals(4, all.get("total").getAsInt());
        assertEquals(0, all.get("offset").getAsInt());
        assertEquals(List.of("big:3", "mid:2", "alpha:1", "beta:1"), summary(all));
        assertEquals("[\"music\",\"chill\"]",
                all.getAsJsonArray("rooms").get(0).getAsJsonObject().get("tags").toString());

        asker.send("{\"type\":\"list\",\"tag\":\"music\"}");
        JsonObject music = asker.expect("rooms");
        assertEquals(List.of("big:3", "mid:2"), summary(music));
        assertEquals(2, music.get("total").getAsInt());

        asker.send("{\"type\":\"list\",\"tag\":\"ignored\"}");
        assertEquals(0, asker.expect("rooms").get("total").getAsInt());

        asker.send("{\"type\":\"list\",\"offset\":1,\"limit\":2}");
        JsonObject page = asker.expect("rooms");
        assertEquals(List.of("mid:2", "alpha:1"), summary(page));
        assertEquals(4, page.get("total").getAsInt());
        assertEquals(1, page.get("offset").getAsInt());

        asker.send("{\"type\":\"list\",\"offset\":10}");
        JsonObject beyond = asker.expect("rooms");
        assertEquals(List.of(), summary(beyond));
        assertEquals(4, beyond.get("total").getAsInt());
    }

    private static List<String> summary(JsonObject rooms) {
        List<String> out = new ArrayList<>();
        for (var e : rooms.getAsJsonArray("rooms")) {
            JsonObject r = e.getAsJsonObject();
            out.add(r.get("room").getAsString() + ":" + r.get("members").getAsInt());
        }
        return out;
    }

    @Test
    void namesAreTrimmedAndDisplayNamesMustBeUniqueInARoom() throws Exception {
        TestClient alice = f.connect();
        JsonObject joined = alice.join("  demo  ", " alice ");
        assertEquals("demo", joined.get("room").getAsString());
        TestClient other = f.connect();
        other.send(TestClient.joinMessage("demo", "alice"));
        other.expectError("name_taken");
        other.join("demo", "Alice 🎧");
        assertEquals("Alice 🎧", alice.expect("peer-joined").getAsJsonObject("peer").get("name").getAsString());
    }
}
