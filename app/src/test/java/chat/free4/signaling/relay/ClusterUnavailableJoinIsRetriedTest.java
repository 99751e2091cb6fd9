package chat.free4.signaling.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import chat.free4.relay.RelayServer;
import chat.free4.relay.cluster.ClusterConfig;
import chat.free4.relay.config.RelayConfig;
import chat.free4.signaling.RoomRequest;
import chat.free4.testrelay.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A relay of a cluster whose Redis is gone refuses joins with {@code cluster_unavailable} and a
 * {@code retryAfter} (decision 0026). The app waits and joins again, telling the person why, instead
 * of treating the refusal as final; once Redis is back the join succeeds. Real redis-server, real
 * relay, the app's own relay client.
 */
class ClusterUnavailableJoinIsRetriedTest {

    @Test
    void aJoinRefusedWhileTheRelayCannotReachRedisSucceedsOnceRedisIsBack() throws Exception {
        TestRedis redis = TestRedis.start();
        int port = redis.port();
        HttpClient http = HttpClient.newHttpClient();
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0),
                new ClusterConfig(redis.url(), Duration.ofSeconds(2)))) {
            await("the relay reaches Redis").atMost(Duration.ofSeconds(30)).until(() -> health(http, relay) == 200);
            redis.close();
            await("the relay notices Redis is gone").atMost(Duration.ofSeconds(30)).until(() -> health(http, relay) == 503);

            try (RelaySignaling client = new RelaySignaling(RelayConnectionConfig.of(relay.uri()))) {
                RecordingListener listener = new RecordingListener();
                PeerId id = PeerId.random();
                client.join(new RoomRequest("kitchen", "ada", id, false, List.of()), listener);
                await("the person is told the relay is waiting for its store").atMost(Duration.ofSeconds(20))
                        .until(() -> listener.problems.stream().anyMatch(p -> p.startsWith("connection lost: ")
                                && p.contains("store it shares rooms through")));

                redis = TestRedis.startOn(port);
                assertEquals(id, listener.joined.get(60, TimeUnit.SECONDS));
                assertTrue(listener.problems.stream().noneMatch(p -> p.startsWith("cluster_unavailable")),
                        "the refusal was not reported as a failed join: " + listener.problems);
            }
        } finally {
            redis.close();
        }
    }

    private static int health(HttpClient http, RelayServer relay) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(relay.httpUri() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
