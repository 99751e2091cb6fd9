package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: any web page could open relay sockets. With {@code --allowed-origin} only the listed
 * origins may; clients that send no Origin (the desktop app) still connect. Off by default.
 */
class OriginAllowListTest {

    @Test
    void onlyListedOriginsAndClientsWithoutOneAreUpgraded() throws Exception {
        RelayConfig config = RelayFixture.loopback().withAllowedOrigins(List.of("https://free4.chat"));
        try (RelayFixture f = new RelayFixture(config)) {
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> TestClient.connect(f.client, f.relay.uri(), Map.of("Origin", "https://evil.example")));
            assertTrue(refused.getCause() instanceof UpgradeException, refused.toString());
            assertEquals(403, ((UpgradeException) refused.getCause()).getResponseStatusCode());
            assertEquals(1, f.relay.metrics().refusedOrigins());

            TestClient listed = TestClient.connect(f.client, f.relay.uri(), Map.of("Origin", "https://FREE4.chat"));
            listed.roundTrip();
            listed.close();
            TestClient desktop = f.connect();
            desktop.roundTrip();
        }
    }

    @Test
    void theMetricsListenerUpgradesNothing() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            java.net.URI onMetricsPort = java.net.URI.create("ws://127.0.0.1:" + f.relay.metricsUri().getPort() + "/v1");
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> TestClient.connect(f.client, onMetricsPort));
            assertEquals(404, ((UpgradeException) refused.getCause()).getResponseStatusCode());
            assertEquals(0, f.relay.connections());
        }
    }

    @Test
    void withoutTheOptionEveryOriginIsAccepted() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient page = TestClient.connect(f.client, f.relay.uri(), Map.of("Origin", "https://evil.example"));
            page.roundTrip();
            page.close();
        }
    }
}
