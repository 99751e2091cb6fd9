package chat.free4.ui;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A WebSocket proxy on loopback in front of a real relay that records every text frame clients
 * send to it: what the relay received, for tests that check something never reaches a server.
 */
public final class RecordingRelayProxy implements AutoCloseable {
    private final Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    private final WebSocketClient upstreamClient = new WebSocketClient();
    private final List<String> toRelay = new CopyOnWriteArrayList<>();
    private final URI relay;

    private RecordingRelayProxy(URI relay) {
        this.relay = relay;
    }

    static RecordingRelayProxy start(URI relay) throws Exception {
        RecordingRelayProxy proxy = new RecordingRelayProxy(relay);
        proxy.upstreamClient.start();
        proxy.server.setHandler(WebSocketUpgradeHandler.from(proxy.server,
                container -> container.addMapping(relay.getPath(), (request, response, callback) -> proxy.new Downstream())));
        proxy.server.start();
        return proxy;
    }

    /** Where clients connect instead of the relay. */
    URI uri() {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return URI.create("ws://127.0.0.1:" + port + relay.getPath());
    }

    /** Every text frame any client sent to the relay, in order. */
    List<String> framesToTheRelay() {
        return List.copyOf(toRelay);
    }

    /** One client's connection; opens its own to the relay and passes frames both ways. */
    public final class Downstream implements Session.Listener.AutoDemanding {
        private volatile Session client;
        private volatile Session upstream;

        @Override
        public void onWebSocketOpen(Session session) {
            client = session;
            try {
                upstream = upstreamClient.connect(new Upstream(this), relay).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                session.close(1011, "relay unreachable", Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketText(String text) {
            toRelay.add(text);
            Session up = upstream;
            if (up != null) {
                up.sendText(text, Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            Session up = upstream;
            if (up != null) {
                up.close(status, reason, Callback.NOOP);
            }
        }
    }

    public static final class Upstream implements Session.Listener.AutoDemanding {
        private final Downstream down;

        Upstream(Downstream down) {
            this.down = down;
        }

        @Override
        public void onWebSocketText(String text) {
            down.client.sendText(text, Callback.NOOP);
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            down.client.close(status, reason, Callback.NOOP);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
        upstreamClient.stop();
    }
}
