package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An instance of the cluster killed with SIGKILL (decision 0026): its peers' seats expire with its
 * heartbeat, the other instances' peers hear {@code peer-left}; a peer that reconnects to another
 * instance with its secret in time keeps its seat without the others noticing, and one that comes
 * back later is a new arrival.
 */
class ClusterInstanceLossTest {

    @Test
    void aKilledInstancesPeersLeaveWithinTheTtlAndRejoinThroughAnotherInstance() throws Exception {
        try (RelayCluster cluster = new RelayCluster(3)) {
            TestClient ann = cluster.connect(0);
            TestClient bob = cluster.connect(1);
            TestClient cat = cluster.connect(2);
            TestClient dan = cluster.connect(2);
            ann.send(seat("ann"));
            ann.expect("joined");
            bob.send(seat("bob"));
            bob.expect("joined");
            ann.expect("peer-joined");
            cat.send(seat("cat"));
            cat.expect("joined");
            dan.send(seat("dan"));
            dan.expect("joined");
            for (TestClient c : new TestClient[] {ann, bob}) {
                assertEquals(Set.of("peer-cat", "peer-dan"), Set.of(peerOf(c.expect("peer-joined")), peerOf(c.expect("peer-joined"))));
            }
            cat.expect("peer-joined");

            long killedAt = System.nanoTime();
            cluster.relay(2).kill();

            // Cat reconnects at once, to another instance, with its secret: its seat moves there silently.
            TestClient catAgain = cluster.connect(1);
            catAgain.send(seat("cat"));
            JsonObject joined = catAgain.expect("joined");
            assertEquals(Set.of("peer-ann", "peer-bob", "peer-dan"), peerIds(joined));

            // Dan does not come back: everyone hears it left, within the TTL (one heartbeat's slack for the read).
            for (TestClient c : new TestClient[] {ann, bob, catAgain}) {
                JsonObject left = c.expect("peer-left");
                assertEquals("peer-dan", left.get("peerId").getAsString(), "cat's seat must not have been lost: " + left);
            }
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            assertTrue(seconds < RelayCluster.SEAT_TTL_SECONDS + 2, "peer-left after " + seconds + " s");

            // Cat's session goes on through its new instance, both ways.
            ann.send(TestClient.signal("peer-cat", TestClient.payload("offer", "to cat")));
            assertEquals("to cat", catAgain.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
            catAgain.send(TestClient.signal("peer-ann", TestClient.payload("answer", "to ann")));
            JsonObject back = ann.expect("signal");
            assertEquals("peer-cat", back.get("from").getAsString());

            // Dan comes back later, through the first instance: a new arrival for everyone.
            TestClient danAgain = cluster.connect(0);
            danAgain.send(seat("dan"));
            assertEquals(Set.of("peer-ann", "peer-bob", "peer-cat"), peerIds(danAgain.expect("joined")));
            for (TestClient c : new TestClient[] {ann, bob, catAgain}) {
                assertEquals("peer-dan", c.expect("peer-joined").getAsJsonObject("peer").get("peerId").getAsString());
            }
            for (TestClient c : new TestClient[] {ann, bob, catAgain, danAgain}) {
                c.roundTrip(); // nothing else: no peer-left for cat, no duplicates
            }
            assertTrue(cluster.relay(0).isAlive() && cluster.relay(1).isAlive());
            assertTrue(!cluster.relay(2).isAlive());
        }
    }

    private static JsonObject seat(String name) {
        JsonObject join = TestClient.joinMessage("lossy", name);
        join.addProperty("peerId", "peer-" + name);
        join.addProperty("secret", "secret-of-" + name + "-123");
        return join;
    }

    private static String peerOf(JsonObject peerJoined) {
        return peerJoined.getAsJsonObject("peer").get("peerId").getAsString();
    }

    private static Set<String> peerIds(JsonObject joined) {
        Set<String> ids = new HashSet<>();
        for (JsonElement p : joined.getAsJsonArray("peers")) {
            ids.add(p.getAsJsonObject().get("peerId").getAsString());
        }
        return ids;
    }
}
