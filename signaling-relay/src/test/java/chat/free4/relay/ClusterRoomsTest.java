package chat.free4.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three relay processes on one real Redis (decision 0026): a room whose members are spread over
 * all three behaves as on one relay, and its limits hold across instances.
 */
class ClusterRoomsTest {
    private static RelayCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new RelayCluster(3, "--max-peers-per-room", "3");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRoomSpreadOverThreeInstancesJoinsSignalsListsAndLeavesAsOnOneRelay() throws Exception {
        TestClient a = cluster.connect(0);
        TestClient b = cluster.connect(1);
        TestClient c = cluster.connect(2);
        TestClient d = cluster.connect(1);
        TestClient e = cluster.connect(2);

        String aId = joinWith(a, TestClient.tagged(TestClient.joinMessage("spread", "ann"), "cluster")).get("peerId").getAsString();
        JsonObject bJoined = b.join("spread", "bob");
        String bId = bJoined.get("peerId").getAsString();
        assertEquals(Set.of(aId), peerIds(bJoined));
        assertEquals(bId, a.expect("peer-joined").getAsJsonObject("peer").get("peerId").getAsString());
        JsonObject cJoined = c.join("spread", "cat");
        String cId = cJoined.get("peerId").getAsString();
        assertEquals(Set.of(aId, bId), peerIds(cJoined));
        for (TestClient seen : new TestClient[] {a, b}) {
            JsonObject joined = seen.expect("peer-joined").getAsJsonObject("peer");
            assertEquals(cId, joined.get("peerId").getAsString());
            assertEquals("cat", joined.get("name").getAsString());
        }

        // Another room on the same instances: it hears nothing of "spread".
        JsonObject other = TestClient.joinMessage("other", "dee");
        other.addProperty("public", false);
        String dId = joinWith(d, other).get("peerId").getAsString();
        e.join("other", "eve");
        d.expect("peer-joined");

        // Signals both ways between every pair, each exactly once and in order.
        TestClient[] peers = {a, b, c};
        String[] ids = {aId, bId, cId};
        int perPair = 5;
        for (int n = 0; n < perPair; n++) {
            for (int from = 0; from < 3; from++) {
                for (int to = 0; to < 3; to++) {
                    if (from != to) {
                        peers[from].send(TestClient.signal(ids[to], TestClient.payload("offer", "sdp " + from + ">" + to + " #" + n)));
                    }
                }
            }
        }
        for (int to = 0; to < 3; to++) {
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 2 * perPair; i++) {
                JsonObject s = peers[to].expect("signal");
                got.add(s.get("from").getAsString() + "|" + s.getAsJsonObject("payload").get("sdp").getAsString());
            }
            for (int from = 0; from < 3; from++) {
                if (from == to) {
                    continue;
                }
                List<String> fromThat = new ArrayList<>();
                for (String g : got) {
                    if (g.startsWith(ids[from] + "|")) {
                        fromThat.add(g.substring(g.indexOf('|') + 1));
                    }
                }
                List<String> expected = new ArrayList<>();
                for (int n = 0; n < perPair; n++) {
                    expected.add("sdp " + from + ">" + to + " #" + n);
                }
                assertEquals(expected, fromThat, "signals from peer " + from + " to peer " + to);
            }
        }

        // The list of any instance shows the room with all three, and not the private one.
        await("spread listed with 3 members on the third instance").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).until(() -> listed(e, "cluster").contains("spread=3"));
        JsonObject all = list(e, null);
        for (JsonElement room : all.getAsJsonArray("rooms")) {
            assertTrue(!room.getAsJsonObject().get("room").getAsString().equals("other"), "private room listed: " + all);
        }

        // b leaves: a and c hear it, and b's signals no longer reach anyone.
        b.send("{\"type\":\"leave\"}");
        b.expect("left");
        for (TestClient seen : new TestClient[] {a, c}) {
            assertEquals(bId, seen.expect("peer-left").get("peerId").getAsString());
        }
        a.send(TestClient.signal(bId, TestClient.payload("offer", "too late")));
        a.expectError("unknown_peer");
        await("spread listed with 2 members").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> listed(d, "cluster").contains("spread=2"));

        // Nothing of "spread" reached the other room, and nothing else reached anyone.
        e.send(TestClient.signal(dId, TestClient.payload("offer", "only this")));
        assertEquals("only this", d.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
        for (TestClient quiet : new TestClient[] {a, c, d}) {
            quiet.roundTrip(); // the pong comes next: no stray message before it
        }
    }

    @Test
    void roomLimitsHoldAcrossInstances() throws Exception {
        // Six peers race for three seats from three instances: exactly three are seated.
        List<TestClient> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racers.add(cluster.connect(i % 3));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<JsonObject>> answers = new ArrayList<>();
            for (int i = 0; i < racers.size(); i++) {
                TestClient racer = racers.get(i);
                JsonObject join = TestClient.joinMessage("race", "racer" + i);
                Callable<JsonObject> attempt = () -> {
                    racer.send(join);
                    return racer.next();
                };
                answers.add(pool.submit(attempt));
            }
            int seated = 0;
            int full = 0;
            for (Future<JsonObject> answer : answers) {
                JsonObject m = answer.get();
                if (m.get("type").getAsString().equals("joined")) {
                    seated++;
                } else {
                    assertEquals("room_full", m.get("code").getAsString(), m.toString());
                    full++;
                }
            }
            assertEquals(3, seated);
            assertEquals(3, full);
        } finally {
            pool.shutdownNow();
        }

        // A name is unique by its lookalike skeleton in the whole room, whichever instance holds it.
        TestClient first = cluster.connect(0);
        TestClient copy = cluster.connect(2);
        first.join("names", "paul");
        copy.send(TestClient.joinMessage("names", "pau1"));
        copy.expectError("name_taken");

        // A peer id is someone else's on every instance.
        TestClient owner = cluster.connect(1);
        JsonObject mine = TestClient.joinMessage("ids", "owner");
        mine.addProperty("peerId", "peer-owner-1");
        mine.addProperty("secret", "owner-secret-1234");
        owner.send(mine);
        owner.expect("joined");
        TestClient thief = cluster.connect(0);
        JsonObject stolen = TestClient.joinMessage("ids", "thief");
        stolen.addProperty("peerId", "peer-owner-1");
        stolen.addProperty("secret", "another-secret-99");
        thief.send(stolen);
        thief.expectError("peer_id_taken");
    }

    private static JsonObject joinWith(TestClient client, JsonObject join) throws Exception {
        client.send(join);
        return client.expect("joined");
    }

    private static Set<String> peerIds(JsonObject joined) {
        Set<String> ids = new HashSet<>();
        for (JsonElement p : joined.getAsJsonArray("peers")) {
            ids.add(p.getAsJsonObject().get("peerId").getAsString());
        }
        return ids;
    }

    private static JsonObject list(TestClient client, String tag) throws Exception {
        JsonObject list = new JsonObject();
        list.addProperty("type", "list");
        if (tag != null) {
            list.addProperty("tag", tag);
        }
        client.send(list);
        return client.expect("rooms");
    }

    /** "room=members" of each listed room. */
    private static List<String> listed(TestClient client, String tag) throws Exception {
        List<String> out = new ArrayList<>();
        JsonArray rooms = list(client, tag).getAsJsonArray("rooms");
        for (JsonElement r : rooms) {
            out.add(r.getAsJsonObject().get("room").getAsString() + "=" + r.getAsJsonObject().get("members").getAsInt());
        }
        return out;
    }
}
