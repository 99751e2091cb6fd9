package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A real relay on loopback with an ephemeral port, plus a WebSocket client factory; closes everything. */
final class RelayFixture implements AutoCloseable {
    final RelayServer relay;
    final WebSocketClient client;
    private final List<TestClient> opened = new ArrayList<>();

    RelayFixture(RelayConfig config) throws Exception {
        this.relay = RelayServer.start(config);
        this.client = new WebSocketClient();
        client.start();
    }

    static RelayConfig loopback() {
        return RelayConfig.defaults().withBind("127.0.0.1").withPort(0);
    }

    TestClient connect() throws Exception {
        return connect(relay.uri());
    }

    /** As if through a reverse proxy that added this {@code X-Forwarded-For} header. */
    synchronized TestClient connectForwardedFor(String forwardedFor) throws Exception {
        TestClient c = TestClient.connect(client, relay.uri(), java.util.Map.of("X-Forwarded-For", forwardedFor));
        opened.add(c);
        return c;
    }

    synchronized TestClient connect(URI uri) throws Exception {
        TestClient c = TestClient.connect(client, uri);
        opened.add(c);
        return c;
    }

    @Override
    public void close() throws Exception {
        synchronized (this) {
            opened.forEach(TestClient::close);
        }
        relay.stop();
        client.stop();
    }
}
