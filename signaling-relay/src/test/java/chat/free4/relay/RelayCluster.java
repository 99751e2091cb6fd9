package chat.free4.relay;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A test's own Redis and relay processes sharing rooms through it, plus a WebSocket client; closes all. */
final class RelayCluster implements AutoCloseable {
    /** Short, so instance loss shows quickly; long enough for a loaded 2-core machine's heartbeats. */
    static final double SEAT_TTL_SECONDS = 4;

    final RedisServerProcess redis;
    final List<ClusterRelayProcess> relays = new ArrayList<>();
    final WebSocketClient client = new WebSocketClient();
    private final List<TestClient> opened = new ArrayList<>();

    RelayCluster(int instances, String... relayOptions) throws Exception {
        redis = RedisServerProcess.start();
        try {
            for (int i = 0; i < instances; i++) {
                relays.add(ClusterRelayProcess.start(redis.url(), SEAT_TTL_SECONDS, relayOptions));
            }
            client.start();
            awaitHealthy();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    ClusterRelayProcess relay(int i) {
        return relays.get(i);
    }

    /** Until every live instance answers /healthz with 200 (Redis reached, seats restored). */
    void awaitHealthy() {
        await("every instance healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> relays.stream().filter(ClusterRelayProcess::isAlive).allMatch(r -> r.health() == 200));
    }

    /** Every instance's log, for a failure message. */
    String logs() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < relays.size(); i++) {
            all.append("--- instance ").append(i).append(" ---\n").append(relays.get(i).log());
        }
        return all.toString();
    }

    synchronized TestClient connect(int instance) throws Exception {
        TestClient c = TestClient.connect(client, relays.get(instance).uri());
        opened.add(c);
        return c;
    }

    @Override
    public void close() throws Exception {
        synchronized (this) {
            opened.forEach(TestClient::close);
        }
        try {
            client.stop();
        } finally {
            for (ClusterRelayProcess relay : relays) {
                relay.kill();
            }
            redis.close();
        }
    }
}
