package chat.free4.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayLifecycleTest {

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void embeddedRelayReportsItsEphemeralPortAndUri() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            assertTrue(f.relay.port() > 0);
            assertEquals(URI.create("ws://127.0.0.1:" + f.relay.port() + "/v1"), f.relay.uri());
            TestClient c = f.connect();
            c.roundTrip();
        }
    }

    @Test
    void healthzAndMetricsAnswerOverHttpAndUnknownPathsAre404() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient a = f.connect();
            a.join("lobby", "alice");
            HttpResponse<String> health = get(f.relay.httpUri().resolve("/healthz"));
            assertEquals(200, health.statusCode());
            assertEquals("ok\n", health.body());

            assertEquals(404, get(f.relay.httpUri().resolve("/metrics")).statusCode(),
                    "counters are not served to every client");
            assertTrue(f.relay.metricsUri().getHost().equals("127.0.0.1"), "loopback by default");
            HttpResponse<String> metrics = get(f.relay.metricsUri());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("relay_connections 1\n"), metrics.body());
            assertTrue(metrics.body().contains("relay_rooms 1\n"), metrics.body());
            assertTrue(metrics.body().contains("relay_messages_refused_total{reason=\"bad_json\"} 0\n"));

            assertEquals(404, get(f.relay.httpUri().resolve("/v2")).statusCode());
            assertEquals(404, get(f.relay.httpUri().resolve("/")).statusCode());
            assertEquals(426, get(f.relay.httpUri().resolve("/v1")).statusCode());
        }
    }

    @Test
    void stoppingSendsEveryPeerShuttingDownAndClose1001() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient a = f.connect();
            TestClient b = f.connect();
            a.join("room", "alice");
            b.join("room", "bob");
            a.expect("peer-joined");

            f.relay.stop();

            for (TestClient c : new TestClient[] {a, b}) {
                c.expectError("shutting_down");
                TestClient.CloseStatus status = c.awaitClose();
                assertEquals(1001, status.code());
                assertEquals("shutting_down", status.reason());
            }
        }
    }

    @Test
    void restartOnTheSamePortAcceptsClientsAgainWithEmptyState() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient a = f.connect();
            a.join("room", "alice", "alice-peer-1");
            int port = f.relay.port();

            RelayServer again = f.relay.restart();
            try {
                assertEquals(port, again.port());
                assertEquals(1001, a.awaitClose().code());
                assertEquals(0, again.rooms());
                TestClient back = f.connect(again.uri());
                JsonObject joined = back.join("room", "alice", "alice-peer-1");
                assertEquals("alice-peer-1", joined.get("peerId").getAsString());
                assertEquals(0, joined.getAsJsonArray("peers").size());
            } finally {
                again.stop();
            }
        }
    }

    @Test
    void startFailsWithASentenceWhenThePortIsTaken() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            RelayStartException e = org.junit.jupiter.api.Assertions.assertThrows(RelayStartException.class,
                    () -> RelayServer.start(RelayFixture.loopback().withPort(f.relay.port())));
            assertTrue(e.getMessage().contains("could not listen"), e.getMessage());
            await().atMost(Duration.ofSeconds(5)).until(() -> f.relay.isRunning());
        }
    }
}
