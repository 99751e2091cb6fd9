package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The relay listens on IPv6 loopback, and '::' takes IPv4 and IPv6 clients into the same rooms. */
class NetworkBindingTest {

    @Test
    void ipv6LoopbackRelayServesClientsAtBracketedAddress() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayConfig.defaults().withBind("::1").withPort(0))) {
            assertEquals(URI.create("ws://[::1]:" + f.relay.port() + "/v1"), f.relay.uri());
            TestClient a = f.connect();
            TestClient b = f.connect();
            a.join("v6", "a", "peer-v6-a");
            b.join("v6", "b", "peer-v6-b");
            a.expect("peer-joined");
            a.send(TestClient.signal("peer-v6-b", TestClient.payload("offer", "v6")));
            assertEquals("peer-v6-a", b.expect("signal").get("from").getAsString());
        }
    }

    @Test
    void wildcardBindAcceptsIpv4AndIpv6LoopbackClients() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayConfig.defaults().withBind("::").withPort(0))) {
            int port = f.relay.port();
            TestClient v4 = f.connect(URI.create("ws://127.0.0.1:" + port + "/v1"));
            TestClient v6 = f.connect(URI.create("ws://[::1]:" + port + "/v1"));
            v4.join("both", "v4", "peer-four");
            v6.join("both", "v6", "peer-six");
            v4.expect("peer-joined");
            v6.send(TestClient.signal("peer-four", TestClient.payload("answer", "x")));
            assertEquals("peer-six", v4.expect("signal").get("from").getAsString());
        }
    }
}
