package chat.free4.relay;

import chat.free4.relay.cluster.ClusterConfig;
import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.ice.IceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: {@code java -jar signaling-relay.jar --port 8443 --bind ::}. Stops cleanly on SIGTERM. */
@Command(name = "signaling-relay", mixinStandardHelpOptions = true, version = "free4chat relay, protocol v1",
        description = "Passes SDP/ICE between the peers of small rooms. Keeps only room membership, in memory.",
        sortOptions = false, showDefaultValues = true)
public final class RelayMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RelayMain.class);
    private static final RelayConfig DEFAULTS = RelayConfig.defaults();

    @Option(names = "--port", description = "TCP port (0 picks a free one).")
    int port = DEFAULTS.port();

    @Option(names = "--bind", description = "Address to listen on; '::' accepts IPv4 and IPv6.")
    String bind = DEFAULTS.bind();

    @Option(names = "--tls-keystore", description = "PKCS12 keystore: serve wss:// instead of ws://.")
    Path tlsKeystore;

    @Option(names = "--tls-password", defaultValue = "${env:RELAY_TLS_PASSWORD}",
            description = "Keystore password (or environment variable RELAY_TLS_PASSWORD).", showDefaultValue = CommandLine.Help.Visibility.NEVER)
    String tlsPassword;

    @Option(names = "--max-frame-bytes", description = "Largest frame a client may send.")
    int maxFrameBytes = DEFAULTS.maxFrameBytes();

    @Option(names = "--rate-burst", description = "Messages per connection at once (token bucket size).")
    int rateBurst = DEFAULTS.rateBurst();

    @Option(names = "--rate-per-second", description = "Token bucket refill per second.")
    double ratePerSecond = DEFAULTS.ratePerSecond();

    @Option(names = "--rate-violations", description = "Dropped messages (refilled 1/s) before a flooder is closed with 1008.")
    int rateViolations = DEFAULTS.rateViolationsBeforeClose();

    @Option(names = "--max-peers-per-room", description = "Peers per room (the mesh limit).")
    int maxPeersPerRoom = DEFAULTS.maxPeersPerRoom();

    @Option(names = "--max-rooms", description = "Rooms on this relay.")
    int maxRooms = DEFAULTS.maxRooms();

    @Option(names = "--max-connections-per-address", description = "Open connections per remote IP address.")
    int maxConnectionsPerAddress = DEFAULTS.maxConnectionsPerAddress();

    @Option(names = "--max-connections", description = "TCP connections to the relay at once, upgraded or not; "
            + "more are closed at accept.")
    int maxConnections = DEFAULTS.maxConnections();

    @Option(names = "--upgrade-deadline-seconds", description = "A TCP connection that has not finished its "
            + "WebSocket upgrade after this long is closed, however slowly it keeps sending.")
    long upgradeDeadlineSeconds = DEFAULTS.upgradeDeadline().toSeconds();

    @Option(names = "--idle-timeout-seconds", description = "Close connections that send nothing for this long.")
    long idleTimeoutSeconds = DEFAULTS.idleTimeout().toSeconds();

    @Option(names = "--max-outbound-queue", description = "Messages queued to one slow client before it is dropped.")
    int maxOutboundQueue = DEFAULTS.maxOutboundQueue();

    @Option(names = "--max-outbound-bytes", description = "Bytes queued to one slow client before it is dropped.")
    long maxOutboundBytes = DEFAULTS.maxOutboundBytes();

    @Option(names = "--max-outbound-bytes-total", description = "Bytes queued to all clients together; over it "
            + "the clients with the largest queues are dropped.")
    long maxOutboundBytesTotal = DEFAULTS.maxOutboundBytesTotal();

    @Option(names = "--seat-grace-seconds", description = "How long the seat of a peer whose connection dropped "
            + "stays reserved for its secret (its peer-left waits as long); 0 frees it at once.")
    long seatGraceSeconds = DEFAULTS.seatGrace().toSeconds();

    @Option(names = "--shutdown-grace-millis", description = "On stop, how long to wait for clients to close.")
    long shutdownGraceMillis = DEFAULTS.shutdownGrace().toMillis();

    @Option(names = "--trust-forwarded-for", description = "Behind a reverse proxy only: count connections per "
            + "client by the last X-Forwarded-For address (the one the proxy added) instead of the proxy's address.")
    boolean trustForwardedFor = DEFAULTS.trustForwardedFor();

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN", split = ",", description = "Accept WebSocket "
            + "upgrades from web pages of these origins only (scheme://host[:port], repeatable or comma-separated); "
            + "clients that send no Origin (the desktop app) are always accepted. Default: any origin.")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = {"--redis", "--redis-url"}, paramLabel = "URL", defaultValue = "${env:RELAY_REDIS_URL}",
            description = "Share rooms with the other relay instances on this Redis (redis://[:password@]host:port, "
                    + "rediss:// for TLS), or environment variable RELAY_REDIS_URL. Without it the relay keeps its "
                    + "rooms to itself.", showDefaultValue = CommandLine.Help.Visibility.NEVER)
    String redisUrl;

    @Option(names = "--cluster-seat-ttl-seconds", paramLabel = "N", description = "With --redis: an instance that "
            + "stops renewing its heartbeat for this long is gone; its peers' seats are freed and the others hear "
            + "peer-left.")
    double clusterSeatTtlSeconds = ClusterConfig.DEFAULT_SEAT_TTL.toSeconds();

    @Option(names = "--metrics-bind", description = "Address of the separate /metrics listener.")
    String metricsBind = DEFAULTS.metricsBind();

    @Option(names = "--metrics-port", description = "Port of the separate /metrics listener (0 picks a free one, "
            + "-1 turns it off); /metrics is not served on --port.")
    int metricsPort = RelayConfig.DEFAULT_METRICS_PORT;

    @Option(names = "--stun", paramLabel = "URL", split = ",", description = "A STUN server handed to clients in "
            + "'joined', e.g. stun:stun.example.org:3478 (repeatable, or comma-separated).")
    List<String> stun = new ArrayList<>();

    @Option(names = "--turn", paramLabel = "URL", split = ",", description = "A TURN server handed to clients with "
            + "fresh credentials, e.g. turn:turn.example.org:3478?transport=udp (repeatable, or comma-separated). "
            + "Needs --turn-secret.")
    List<String> turn = new ArrayList<>();

    @Option(names = "--turn-secret", paramLabel = "SECRET", defaultValue = "${env:RELAY_TURN_SECRET}",
            description = "The TURN server's static-auth-secret (coturn use-auth-secret), or environment variable "
                    + "RELAY_TURN_SECRET. Never sent to clients.", showDefaultValue = CommandLine.Help.Visibility.NEVER)
    String turnSecret;

    @Option(names = "--turn-ttl-seconds", paramLabel = "N", description = "How long issued TURN credentials stay valid.")
    long turnTtlSeconds = DEFAULTS.ice().turnTtl().toSeconds();

    public static void main(String[] args) {
        int exit = new CommandLine(new RelayMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    ClusterConfig cluster() {
        return new ClusterConfig(redisUrl == null || redisUrl.isBlank() ? null : redisUrl,
                Duration.ofMillis(Math.round(clusterSeatTtlSeconds * 1000)));
    }

    RelayConfig config() {
        RelayConfig config = RelayConfig.defaults()
                .withBind(bind)
                .withPort(port)
                .withMaxFrameBytes(maxFrameBytes)
                .withRate(rateBurst, ratePerSecond)
                .withRateViolationsBeforeClose(rateViolations)
                .withMaxPeersPerRoom(maxPeersPerRoom)
                .withMaxRooms(maxRooms)
                .withMaxConnectionsPerAddress(maxConnectionsPerAddress)
                .withConnectionLimits(maxConnections, Duration.ofSeconds(upgradeDeadlineSeconds))
                .withIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .withMaxOutboundQueue(maxOutboundQueue)
                .withMaxOutboundBytes(maxOutboundBytes, maxOutboundBytesTotal)
                .withSeatGrace(Duration.ofSeconds(seatGraceSeconds))
                .withShutdownGrace(Duration.ofMillis(shutdownGraceMillis))
                .withTrustForwardedFor(trustForwardedFor)
                .withAllowedOrigins(allowedOrigins)
                .withMetrics(metricsBind, metricsPort)
                .withIce(new IceConfig(stun, turn, turnSecret, Duration.ofSeconds(turnTtlSeconds)));
        return tlsKeystore == null ? config : config.withTls(tlsKeystore, tlsPassword == null ? "" : tlsPassword);
    }

    @Override
    public Integer call() throws InterruptedException {
        RelayConfig config;
        ClusterConfig cluster;
        try {
            config = config();
            cluster = cluster();
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid option: " + e.getMessage());
            return 2;
        }
        RelayServer relay;
        try {
            relay = RelayServer.start(config, cluster);
        } catch (RelayStartException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        // SIGTERM/SIGINT: every peer gets a close frame (1001) before the port is released.
        Runtime.getRuntime().addShutdownHook(new Thread(relay::stop, "relay-shutdown"));
        LOG.info("Relay ready on {} ({}, {})", relay.uri(), config, cluster);
        relay.join();
        return 0;
    }
}
