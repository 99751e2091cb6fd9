package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.accept.GuardedConnector;
import chat.free4.relay.accept.SelectorThreadExecutor;
import chat.free4.relay.cluster.ClusterConfig;
import chat.free4.relay.cluster.RedisDirectory;
import chat.free4.relay.connection.ForwardedFor;
import chat.free4.relay.connection.RelayCore;
import chat.free4.relay.http.HttpEndpoints;
import chat.free4.relay.http.OriginPolicy;
import chat.free4.relay.limits.AddressLimiter;
import chat.free4.relay.metrics.RelayMetrics;
import chat.free4.relay.rooms.SeatDirectory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running relay. Embeddable: tests and tools start a real relay in-process with
 * <pre>{@code
 * RelayServer relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
 * URI uri = relay.uri();           // ws://127.0.0.1:PORT/v1
 * relay.stop();                    // every peer gets close 1001
 * relay = relay.restart();         // same port, empty state
 * }</pre>
 */
public final class RelayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    /** WebSocket sessions idle this much longer than the protocol's idle timeout are dropped by Jetty. */
    private static final Duration JETTY_IDLE_BACKSTOP = Duration.ofSeconds(30);
    /**
     * Selector threads, each an event loop that also runs its connections' events (decision
     * 0023); one per two cores leaves the rest to the kernel's network work and the JIT.
     */
    private static final int SELECTORS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private final RelayConfig config;
    private final ClusterConfig cluster;
    private final RelayCore core;
    private final Server server;
    private final GuardedConnector connector;
    /** {@code /metrics} only, on its own (loopback by default) address; null when turned off. */
    private final ServerConnector metricsConnector;
    private final HttpEndpoints http;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private RelayServer(RelayConfig config, ClusterConfig cluster) {
        this.config = config;
        this.cluster = cluster;
        this.core = new RelayCore(config, cluster.enabled()
                ? new RedisDirectory(cluster, config.maxFrameBytes() + RelayConfig.OUTBOUND_HEADROOM_BYTES)
                : SeatDirectory.IN_MEMORY);
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("relay");
        this.server = new Server(threads);
        this.connector = connector(server, config, core.metrics(), cluster.enabled());
        server.addConnector(connector);
        this.http = new HttpEndpoints(core);
        OriginPolicy origins = new OriginPolicy(config.allowedOrigins());
        this.metricsConnector = config.metricsPort() < 0 ? null : metricsConnector(server, config);
        if (metricsConnector != null) {
            server.addConnector(metricsConnector);
            http.serveMetricsOn(metricsConnector);
        }
        WebSocketUpgradeHandler webSocket = WebSocketUpgradeHandler.from(server, container -> {
            long maxMessage = config.maxFrameBytes();
            // Frames are not auto-fragmented, so a frame announcing more than maxFrameSize is refused
            // from its header, before its payload is read. The headroom lets the relay's own frames
            // (a forwarded signal adds "from") be a little larger than what a client may send; a
            // client frame in the headroom is buffered and then refused by the message size limit.
            container.setAutoFragment(false);
            container.setMaxFrameSize(maxMessage + RelayConfig.OUTBOUND_HEADROOM_BYTES);
            container.setMaxTextMessageSize(maxMessage);
            container.setMaxBinaryMessageSize(maxMessage);
            container.setIdleTimeout(config.idleTimeout().plus(JETTY_IDLE_BACKSTOP));
            container.addMapping("/v1", (request, response, callback) -> {
                if (http.isMetricsListener(request)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                    return null;
                }
                if (!origins.allows(request.getHeaders().get(HttpHeader.ORIGIN))) {
                    core.metrics().refusedOrigin();
                    Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403,
                            "This relay does not accept connections from this web page's origin.");
                    return null;
                }
                // No permessage-deflate: signals are a few KB, and a deflater and inflater per
                // client cost the relay more CPU per message than all the rest (decision 0021).
                response.setExtensions(List.of());
                return core.newConnection(config.trustForwardedFor()
                        ? ForwardedFor.lastHop(request.getHeaders().getValuesList("X-Forwarded-For")).orElse(null)
                        : null);
            });
        });
        webSocket.setHandler(http);
        server.setHandler(webSocket);
    }

    /** Starts a relay and returns once it accepts connections. */
    public static RelayServer start(RelayConfig config) {
        return start(config, ClusterConfig.none());
    }

    /** Starts a relay that shares its rooms with other instances through Redis (unless {@code cluster} is none). */
    public static RelayServer start(RelayConfig config, ClusterConfig cluster) {
        RelayServer relay = new RelayServer(config, cluster);
        try {
            relay.server.start();
        } catch (Exception e) {
            relay.core.dispose();
            try {
                relay.server.stop();
            } catch (Exception ignored) {
                // Already failing; the start failure is the one to report.
            }
            throw new RelayStartException("The relay could not listen on " + config.bind() + " port "
                    + config.port() + ": " + e.getMessage(), e);
        }
        LOG.info("Relay listening on {}", relay.uri());
        return relay;
    }

    /** The port actually bound (useful after {@code withPort(0)}). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The WebSocket address clients use, e.g. {@code ws://127.0.0.1:PORT/v1}; wildcard binds name localhost. */
    public URI uri() {
        return URI.create((config.tls() ? "wss" : "ws") + "://" + hostForUri() + ":" + port() + "/v1");
    }

    /** {@code http://ADDRESS:PORT/metrics} of the metrics listener, or null when it is off. */
    public URI metricsUri() {
        if (metricsConnector == null) {
            return null;
        }
        String host = config.metricsBind().contains(":") && !config.metricsBind().startsWith("[")
                ? "[" + config.metricsBind() + "]" : config.metricsBind();
        return URI.create("http://" + host + ":" + metricsConnector.getLocalPort() + "/metrics");
    }

    /** The plain HTTP(S) base, e.g. {@code http://127.0.0.1:PORT}, for {@code /healthz} and {@code /metrics}. */
    public URI httpUri() {
        return URI.create((config.tls() ? "https" : "http") + "://" + hostForUri() + ":" + port());
    }

    public RelayConfig config() {
        return config;
    }

    public RelayMetrics.Snapshot metrics() {
        return core.metrics().snapshot();
    }

    /** How many times the public room list was scanned and sorted (it is cached between changes). */
    public long roomListBuilds() {
        return core.rooms().listBuilds();
    }

    /** Rooms that currently have at least one peer. */
    public int rooms() {
        return core.rooms().size();
    }

    /** Open WebSocket connections. */
    public int connections() {
        return core.openConnections();
    }

    public boolean isRunning() {
        return !stopped.get() && server.isRunning();
    }

    /**
     * Stops gracefully: every client gets {@code shutting_down} and close 1001; waits up to the
     * configured grace for the close handshakes, then releases the port. Idempotent.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        http.markStopping();
        try {
            if (!core.closeAll(config.shutdownGrace())) {
                LOG.info("{} clients did not finish closing in time; dropping them", core.openConnections());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the relay's HTTP server failed: {}", e.toString());
        } finally {
            core.dispose();
        }
        LOG.info("Relay stopped");
    }

    /** Stops this relay and starts a fresh one (no rooms) with the same configuration on the same port. */
    public RelayServer restart() {
        int boundPort = port();
        stop();
        return start(config.withPort(boundPort), cluster);
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        stop();
    }

    private String hostForUri() {
        String bind = config.bind();
        if (bind.equals("::") || bind.equals("0.0.0.0") || bind.isEmpty()) {
            return "localhost";
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    /**
     * @param clustered a join then waits for Redis (up to its command timeout), which must not hold up
     *                  a selector's other connections: events go to the pool as Jetty does by default
     */
    private static GuardedConnector connector(Server server, RelayConfig config, RelayMetrics metrics,
                                              boolean clustered) {
        java.util.concurrent.Executor eventRunner = clustered ? server.getThreadPool()
                : new SelectorThreadExecutor(server.getThreadPool());
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        // Half-open sockets count from accept. Per address the hard cap is twice the WebSocket limit,
        // so an ordinary client over that limit still upgrades and reads too_many_connections.
        AddressLimiter perAddress = config.trustForwardedFor() ? null
                : new AddressLimiter(saturatedDouble(config.maxConnectionsPerAddress()));
        GuardedConnector.Events events = new GuardedConnector.Events() {
            @Override
            public void refusedAtAccept() {
                metrics.refusedAtAccept();
            }

            @Override
            public void upgradeTooSlow() {
                metrics.upgradeTooSlow();
            }
        };
        GuardedConnector connector;
        if (config.tls()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(config.tlsKeystore().toAbsolutePath().toString());
            tls.setKeyStorePassword(config.tlsPassword());
            tls.setKeyStoreType("PKCS12");
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Clients reach relays by IP as often as by name; the certificate check is the client's job.
            secure.setSniHostCheck(false);
            httpConfig.addCustomizer(secure);
            connector = new GuardedConnector(server, eventRunner, 0, SELECTORS, perAddress, config.maxConnections(), config.upgradeDeadline(), events,
                    new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(httpConfig));
        } else {
            connector = new GuardedConnector(server, eventRunner, 0, SELECTORS, perAddress, config.maxConnections(), config.upgradeDeadline(), events,
                    new HttpConnectionFactory(httpConfig));
        }
        metrics.watchTcpConnections(connector::openConnections);
        String bind = config.bind();
        connector.setHost(bind.startsWith("[") ? bind.substring(1, bind.length() - 1) : bind);
        connector.setPort(config.port());
        connector.setReuseAddress(true);
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(30_000);
        return connector;
    }

    /** Plain HTTP, no TLS: the metrics listener is meant for loopback or a private network. */
    private static ServerConnector metricsConnector(Server server, RelayConfig config) {
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        ServerConnector metrics = new ServerConnector(server, 1, 1, new HttpConnectionFactory(httpConfig));
        String bind = config.metricsBind();
        metrics.setHost(bind.startsWith("[") ? bind.substring(1, bind.length() - 1) : bind);
        metrics.setPort(config.metricsPort());
        metrics.setIdleTimeout(30_000);
        return metrics;
    }

    private static int saturatedDouble(int n) {
        return n > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * n;
    }
}
