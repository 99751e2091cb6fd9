package chat.free4.engine;

import static org.awaitility.Awaitility.await;

import chat.free4.audio.ToneGenerator;
import chat.free4.relay.RelayServer;
import chat.free4.relay.cluster.ClusterConfig;
import chat.free4.relay.config.RelayConfig;
import chat.free4.testrelay.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real call between peers that reached different instances of a relay cluster on one Redis
 * (decision 0026): their signals cross instances, the audio goes peer to peer; each hears the
 * others' tones, checked by frequency.
 */
class AudioCallAcrossRelayInstancesTest {

    @Test
    void peersOnDifferentInstancesHearEachOther() throws Exception {
        ClusterConfig cluster;
        try (TestRedis redis = TestRedis.start()) {
            cluster = new ClusterConfig(redis.url(), Duration.ofSeconds(4));
            RelayConfig config = RelayConfig.defaults().withBind("127.0.0.1").withPort(0);
            try (RelayServer first = RelayServer.start(config, cluster);
                 RelayServer second = RelayServer.start(config, cluster);
                 HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(440, 0.2));
                 HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(660, 0.2));
                 HeadlessPeer c = new HeadlessPeer("c", new ToneGenerator(880, 0.2))) {
                HttpClient http = HttpClient.newHttpClient();
                await("both instances reach Redis").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> healthy(http, first) && healthy(http, second));
                a.join(first.uri(), "across");
                b.join(second.uri(), "across");
                c.join(first.uri(), "across");
                await().atMost(Duration.ofSeconds(20)).until(() -> a.connectedTo(b, c) && b.connectedTo(a, c) && c.connectedTo(a, b));
                await().atMost(Duration.ofSeconds(15)).until(() -> a.hears(660) > 0.05 && a.hears(880) > 0.05
                        && b.hears(440) > 0.05 && b.hears(880) > 0.05 && c.hears(440) > 0.05 && c.hears(660) > 0.05);
            }
        }
    }

    private static boolean healthy(HttpClient http, RelayServer relay) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(relay.httpUri() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
    }
}
