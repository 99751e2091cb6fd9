package chat.free4.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away under a running cluster and comes back empty (decision 0026): the relays keep
 * running and say so at /healthz and in their log, refuse new joins and cross-instance signals with
 * a clear error, and when Redis is back restore their seats, so the room works again across
 * instances without anyone having been told a peer left.
 */
class ClusterRedisRestartTest {

    @Test
    void redisRestartedMidRunNoCrashAndRoomsRecover() throws Exception {
        try (RelayCluster cluster = new RelayCluster(2)) {
            TestClient ann = cluster.connect(0);
            TestClient bob = cluster.connect(1);
            ann.send(TestClient.tagged(TestClient.joinMessage("steady", "ann"), "restart"));
            String annId = ann.expect("joined").get("peerId").getAsString();
            String bobId = bob.join("steady", "bob").get("peerId").getAsString();
            ann.expect("peer-joined");

            cluster.redis.kill();
            await("both instances unhealthy").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> cluster.relay(0).health() == 503 && cluster.relay(1).health() == 503);

            TestClient late = cluster.connect(0);
            late.send(TestClient.joinMessage("steady", "late"));
            JsonObject refused = late.expectError("cluster_unavailable");
            assertTrue(refused.get("retryAfter").getAsInt() > 0);
            ann.send(TestClient.signal(bobId, TestClient.payload("offer", "while redis is away")));
            ann.expectError("cluster_unavailable");

            cluster.redis.restart();
            cluster.awaitHealthy(); // seats restored, the store's recovery grace over

            ann.send(TestClient.signal(bobId, TestClient.payload("offer", "after the restart")));
            assertEquals("after the restart", bob.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
            bob.send(TestClient.signal(annId, TestClient.payload("answer", "and back")));
            assertEquals(bobId, ann.expect("signal").get("from").getAsString());

            late.send(TestClient.joinMessage("steady", "late"));
            JsonObject joined = late.next();
            assertEquals("joined", joined.get("type").getAsString(), joined + "\n" + cluster.logs());
            Set<String> peers = new HashSet<>();
            for (JsonElement p : joined.getAsJsonArray("peers")) {
                peers.add(p.getAsJsonObject().get("peerId").getAsString());
            }
            assertEquals(Set.of(annId, bobId), peers);
            ann.expect("peer-joined");
            bob.expect("peer-joined");
            ann.roundTrip(); // and no peer-left in between
            bob.roundTrip();

            JsonObject list = new JsonObject();
            list.addProperty("type", "list");
            list.addProperty("tag", "restart");
            await("the room listed again with 3").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        bob.send(list);
                        JsonObject rooms = bob.expect("rooms");
                        return rooms.getAsJsonArray("rooms").size() == 1
                                && rooms.getAsJsonArray("rooms").get(0).getAsJsonObject().get("members").getAsInt() == 3;
                    });

            for (int i = 0; i < 2; i++) {
                assertTrue(cluster.relay(i).isAlive());
                String log = cluster.relay(i).log();
                assertTrue(log.contains("new joins are refused"), log);
                assertTrue(log.contains("answers again; this instance seats peers again"), log);
            }
        }
    }
}
