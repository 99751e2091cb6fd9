package chat.free4.engine;

import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.RelayServer;
import java.net.URI;

/** A real relay in this JVM on a loopback address and an ephemeral port; can be stopped and started again. */
public final class TestRelay implements AutoCloseable {
    private final RelayConfig config;
    private final URI uri;

    private RelayServer server;

    private TestRelay(RelayServer server) {
        this.server = server;
        this.config = server.config().withPort(server.port());
        this.uri = server.uri();
    }

    public static TestRelay start(String bind) {
        return start(RelayConfig.defaults().withBind(bind).withPort(0));
    }

    public static TestRelay start(RelayConfig config) {
        return new TestRelay(RelayServer.start(config));
    }

    public URI uri() {
        return uri;
    }

    /** Stops the relay; clients see their connection close. */
    public void stop() {
        server.stop();
    }

    /** Starts a fresh relay (no rooms) on the same address and port. */
    public void startAgain() {
        server = RelayServer.start(config);
    }

    public RelayServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
