package chat.free4.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a relay reads from Redis is checked like input from a stranger (decision 0026): garbage
 * published to its channel, a signal with a forged oversized frame, or a seat record of the wrong
 * shape is refused and logged without its content, and the room goes on.
 */
class ClusterDistrustsRedisTest {
    private static final Pattern INSTANCE = Pattern.compile("Cluster instance ([0-9a-f]{16}) shares rooms");

    @Test
    void malformedMessagesAndRecordsFromRedisAreRefusedAndLoggedWithoutContent() throws Exception {
        try (RelayCluster cluster = new RelayCluster(2)) {
            TestClient ann = cluster.connect(0);
            TestClient bob = cluster.connect(1);
            String annId = ann.join("guarded", "ann").get("peerId").getAsString();
            String bobId = bob.join("guarded", "bob").get("peerId").getAsString();
            ann.expect("peer-joined");
            Matcher m = INSTANCE.matcher(cluster.relay(0).log());
            assertEquals(true, m.find());
            String channel = "f4c:to:" + m.group(1);

            cluster.redis.command("PUBLISH", channel, "Xnot-a-message SECRET-CONTENT-1");
            cluster.redis.command("PUBLISH", channel, "S999999999:SECRET-CONTENT-2");
            cluster.redis.command("PUBLISH", channel, "S7:guarded" + annId.length() + ":" + annId + "x".repeat(200_000));
            cluster.redis.command("PUBLISH", channel, "J7:guarded3:bad3:bob3:zzz"); // not an instance id
            // A seat record that is not JSON, and one whose name is far too long.
            cluster.redis.command("HSET", "f4c:m:guarded", "junk-seat", "{not json SECRET-CONTENT-3");
            cluster.redis.command("HSET", "f4c:m:guarded", "longname01", "{\"n\":\"" + "SECRET-CONTENT-4".repeat(100)
                    + "\",\"k\":\"x\",\"i\":\"" + m.group(1) + "\",\"s\":\"\"}");

            await("the relay noticed").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> cluster.relay(0).log().contains("Ignored a malformed"));
            // The room goes on, both ways, and nothing forged reached anyone.
            bob.send(TestClient.signal(annId, TestClient.payload("offer", "still fine")));
            assertEquals("still fine", ann.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
            ann.send(TestClient.signal(bobId, TestClient.payload("answer", "and back")));
            assertEquals("and back", bob.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
            ann.roundTrip();
            bob.roundTrip();
            for (ClusterRelayProcess relay : cluster.relays) {
                assertFalse(relay.log().contains("SECRET-CONTENT"), relay.log());
            }
        }
    }
}
