package chat.free4.relay.config;

import chat.free4.relay.RelayServer;
import chat.free4.relay.ice.IceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a relay can be told: where it listens and every limit (docs/PROTOCOL.md lists the
 * defaults). Immutable; change a copy with the {@code with*} methods.
 */
public record RelayConfig(
        String bind,
        int port,
        Path tlsKeystore,
        String tlsPassword,
        int maxFrameBytes,
        int rateBurst,
        double ratePerSecond,
        int rateViolationsBeforeClose,
        int maxPeersPerRoom,
        int maxRooms,
        int maxConnectionsPerAddress,
        Duration idleTimeout,
        int maxOutboundQueue,
        Duration shutdownGrace,
        boolean trustForwardedFor,
        IceConfig ice,
        Hardening hardening) {
    /** How much larger than a client's frame limit the relay's own frames may be. */
    public static final int OUTBOUND_HEADROOM_BYTES = 1024;

    public static final String DEFAULT_BIND = "::";
    public static final int DEFAULT_PORT = 8443;
    /** The command line's {@code --metrics-port}; embedded relays pick a free loopback port instead. */
    public static final int DEFAULT_METRICS_PORT = 9464;

    /**
     * The limits added against hostile clients (issue 12); kept in one record so that the
     * original constructor order stays readable.
     *
     * @param seatGrace             how long a dropped peer's seat stays reserved for its secret (0: not at all)
     * @param maxOutboundBytes      bytes waiting to be written to one client before it is dropped
     * @param maxOutboundBytesTotal bytes waiting to be written to all clients together
     * @param maxConnections        TCP connections to the relay at once, upgraded or not
     * @param upgradeDeadline       time a TCP connection has to finish its WebSocket upgrade
     * @param allowedOrigins        {@code Origin} headers a WebSocket upgrade may carry; empty: any
     *                              (desktop clients send none, and none is always accepted)
     * @param metricsBind           address of the separate {@code /metrics} listener
     * @param metricsPort           its port; 0 picks a free one (the embedded default; the command
     *                              line's is {@value #DEFAULT_METRICS_PORT}), -1 turns it off
     */
    public record Hardening(Duration seatGrace, long maxOutboundBytes, long maxOutboundBytesTotal, int maxConnections,
                            Duration upgradeDeadline, List<String> allowedOrigins, String metricsBind, int metricsPort) {
        public Hardening {
            Objects.requireNonNull(seatGrace, "seatGrace");
            Objects.requireNonNull(upgradeDeadline, "upgradeDeadline");
            Objects.requireNonNull(metricsBind, "metricsBind");
            allowedOrigins = List.copyOf(allowedOrigins);
            if (seatGrace.isNegative()) {
                throw new IllegalArgumentException("seatGrace must not be negative, was " + seatGrace);
            }
            if (upgradeDeadline.isNegative() || upgradeDeadline.isZero()) {
                throw new IllegalArgumentException("upgradeDeadline must be positive, was " + upgradeDeadline);
            }
            requireRange("maxOutboundBytes", maxOutboundBytes, 1024, Long.MAX_VALUE);
            requireRange("maxOutboundBytesTotal", maxOutboundBytesTotal, 1024, Long.MAX_VALUE);
            requireRange("maxConnections", maxConnections, 1, Integer.MAX_VALUE);
            requireRange("metricsPort", metricsPort, -1, 65535);
        }

        static Hardening defaults() {
            return new Hardening(Duration.ofSeconds(5), 1024 * 1024, 64L * 1024 * 1024, 16_384,
                    Duration.ofSeconds(10), List.of(), "127.0.0.1", 0);
        }
    }

    public RelayConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(hardening, "hardening");
        requireRange("port", port, 0, 65535);
        requireRange("maxFrameBytes", maxFrameBytes, 256, 16 * 1024 * 1024);
        requireRange("rateBurst", rateBurst, 1, Integer.MAX_VALUE);
        requireRange("rateViolationsBeforeClose", rateViolationsBeforeClose, 1, Integer.MAX_VALUE);
        requireRange("maxPeersPerRoom", maxPeersPerRoom, 1, 10_000);
        requireRange("maxRooms", maxRooms, 1, Integer.MAX_VALUE);
        requireRange("maxConnectionsPerAddress", maxConnectionsPerAddress, 1, Integer.MAX_VALUE);
        requireRange("maxOutboundQueue", maxOutboundQueue, 1, Integer.MAX_VALUE);
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("ratePerSecond must be positive, was " + ratePerSecond);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        if (tlsKeystore != null && tlsPassword == null) {
            throw new IllegalArgumentException("A TLS keystore needs its password.");
        }
    }

    /** The documented defaults: port 8443 on every address ({@code ::}), no TLS. */
    public static RelayConfig defaults() {
        return new RelayConfig(DEFAULT_BIND, DEFAULT_PORT, null, null,
                64 * 1024, 50, 20.0, 20, 8, 10_000, 32,
                Duration.ofSeconds(60), 256, Duration.ofSeconds(2), false, IceConfig.none(), Hardening.defaults());
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    public Duration seatGrace() {
        return hardening.seatGrace();
    }

    public long maxOutboundBytes() {
        return hardening.maxOutboundBytes();
    }

    public long maxOutboundBytesTotal() {
        return hardening.maxOutboundBytesTotal();
    }

    public int maxConnections() {
        return hardening.maxConnections();
    }

    public Duration upgradeDeadline() {
        return hardening.upgradeDeadline();
    }

    public List<String> allowedOrigins() {
        return hardening.allowedOrigins();
    }

    public String metricsBind() {
        return hardening.metricsBind();
    }

    public int metricsPort() {
        return hardening.metricsPort();
    }

    public RelayConfig withBind(String value) {
        return copy().bind(value).build();
    }

    /** Port 0 picks a free ephemeral port; {@link RelayServer#port()} tells which. */
    public RelayConfig withPort(int value) {
        return copy().port(value).build();
    }

    /** Serves wss:// from a PKCS12 keystore. */
    public RelayConfig withTls(Path keystore, String password) {
        return copy().tls(keystore, password).build();
    }

    public RelayConfig withMaxFrameBytes(int value) {
        return copy().maxFrameBytes(value).build();
    }

    /** Token bucket per connection: {@code burst} messages at once, refilled at {@code perSecond}. */
    public RelayConfig withRate(int burst, double perSecond) {
        return copy().rate(burst, perSecond).build();
    }

    public RelayConfig withRateViolationsBeforeClose(int value) {
        return copy().rateViolationsBeforeClose(value).build();
    }

    public RelayConfig withMaxPeersPerRoom(int value) {
        return copy().maxPeersPerRoom(value).build();
    }

    public RelayConfig withMaxRooms(int value) {
        return copy().maxRooms(value).build();
    }

    public RelayConfig withMaxConnectionsPerAddress(int value) {
        return copy().maxConnectionsPerAddress(value).build();
    }

    public RelayConfig withIdleTimeout(Duration value) {
        return copy().idleTimeout(value).build();
    }

    /** Messages waiting to be written to one client before it is dropped as too slow. */
    public RelayConfig withMaxOutboundQueue(int value) {
        return copy().maxOutboundQueue(value).build();
    }

    /** How long {@link RelayServer#stop()} waits for clients to acknowledge the close frame. */
    public RelayConfig withShutdownGrace(Duration value) {
        return copy().shutdownGrace(value).build();
    }

    /**
     * Behind a reverse proxy (Fly.io, Railway) every socket comes from the proxy: take the client's
     * address from the last {@code X-Forwarded-For} entry, the one the proxy itself added, for the
     * per-address connection limit. Only for a relay that is reachable through that proxy alone.
     */
    public RelayConfig withTrustForwardedFor(boolean value) {
        return copy().trustForwardedFor(value).build();
    }

    /** The STUN/TURN servers handed to clients in {@code joined} (docs/PROTOCOL.md). */
    public RelayConfig withIce(IceConfig value) {
        return copy().ice(value).build();
    }

    /** How long a seat whose connection dropped stays reserved for the peer's secret; zero frees it at once. */
    public RelayConfig withSeatGrace(Duration value) {
        return withHardening(new Hardening(value, hardening.maxOutboundBytes(), hardening.maxOutboundBytesTotal(),
                hardening.maxConnections(), hardening.upgradeDeadline(), hardening.allowedOrigins(),
                hardening.metricsBind(), hardening.metricsPort()));
    }

    /** Bytes waiting to be written to one client, and to all clients together, before dropping. */
    public RelayConfig withMaxOutboundBytes(long perConnection, long total) {
        return withHardening(new Hardening(hardening.seatGrace(), perConnection, total,
                hardening.maxConnections(), hardening.upgradeDeadline(), hardening.allowedOrigins(),
                hardening.metricsBind(), hardening.metricsPort()));
    }

    /** TCP connections at once, and how long each has to finish its WebSocket upgrade. */
    public RelayConfig withConnectionLimits(int maxConnections, Duration upgradeDeadline) {
        return withHardening(new Hardening(hardening.seatGrace(), hardening.maxOutboundBytes(),
                hardening.maxOutboundBytesTotal(), maxConnections, upgradeDeadline, hardening.allowedOrigins(),
                hardening.metricsBind(), hardening.metricsPort()));
    }

    /** Origins a WebSocket upgrade may name (exact {@code scheme://host[:port]}); empty accepts any. */
    public RelayConfig withAllowedOrigins(List<String> origins) {
        return withHardening(new Hardening(hardening.seatGrace(), hardening.maxOutboundBytes(),
                hardening.maxOutboundBytesTotal(), hardening.maxConnections(), hardening.upgradeDeadline(), origins,
                hardening.metricsBind(), hardening.metricsPort()));
    }

    /** Serves {@code /metrics} on its own listener; port -1 turns it off, 0 picks a free port. */
    public RelayConfig withMetrics(String metricsBind, int metricsPort) {
        return withHardening(new Hardening(hardening.seatGrace(), hardening.maxOutboundBytes(),
                hardening.maxOutboundBytesTotal(), hardening.maxConnections(), hardening.upgradeDeadline(),
                hardening.allowedOrigins(), metricsBind, metricsPort));
    }

    public RelayConfig withHardening(Hardening value) {
        return copy().hardening(value).build();
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    private Builder copy() {
        return new Builder(this);
    }

    /** Mutable copy for the {@code with*} methods, so that each names only what it changes. */
    private static final class Builder {
        private String bind;
        private int port;
        private Path tlsKeystore;
        private String tlsPassword;
        private int maxFrameBytes;
        private int rateBurst;
        private double ratePerSecond;
        private int rateViolationsBeforeClose;
        private int maxPeersPerRoom;
        private int maxRooms;
        private int maxConnectionsPerAddress;
        private Duration idleTimeout;
        private int maxOutboundQueue;
        private Duration shutdownGrace;
        private boolean trustForwardedFor;
        private IceConfig ice;
        private Hardening hardening;

        Builder(RelayConfig c) {
            bind = c.bind;
            port = c.port;
            tlsKeystore = c.tlsKeystore;
            tlsPassword = c.tlsPassword;
            maxFrameBytes = c.maxFrameBytes;
            rateBurst = c.rateBurst;
            ratePerSecond = c.ratePerSecond;
            rateViolationsBeforeClose = c.rateViolationsBeforeClose;
            maxPeersPerRoom = c.maxPeersPerRoom;
            maxRooms = c.maxRooms;
            maxConnectionsPerAddress = c.maxConnectionsPerAddress;
            idleTimeout = c.idleTimeout;
            maxOutboundQueue = c.maxOutboundQueue;
            shutdownGrace = c.shutdownGrace;
            trustForwardedFor = c.trustForwardedFor;
            ice = c.ice;
            hardening = c.hardening;
        }

        Builder bind(String v) { bind = v; return this; }
        Builder port(int v) { port = v; return this; }
        Builder tls(Path keystore, String password) { tlsKeystore = keystore; tlsPassword = password; return this; }
        Builder maxFrameBytes(int v) { maxFrameBytes = v; return this; }
        Builder rate(int burst, double perSecond) { rateBurst = burst; ratePerSecond = perSecond; return this; }
        Builder rateViolationsBeforeClose(int v) { rateViolationsBeforeClose = v; return this; }
        Builder maxPeersPerRoom(int v) { maxPeersPerRoom = v; return this; }
        Builder maxRooms(int v) { maxRooms = v; return this; }
        Builder maxConnectionsPerAddress(int v) { maxConnectionsPerAddress = v; return this; }
        Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        Builder maxOutboundQueue(int v) { maxOutboundQueue = v; return this; }
        Builder shutdownGrace(Duration v) { shutdownGrace = v; return this; }
        Builder trustForwardedFor(boolean v) { trustForwardedFor = v; return this; }
        Builder ice(IceConfig v) { ice = v; return this; }
        Builder hardening(Hardening v) { hardening = v; return this; }

        RelayConfig build() {
            return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                    rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                    maxOutboundQueue, shutdownGrace, trustForwardedFor, ice, hardening);
        }
    }

    @Override
    public String toString() {
        // Never print the TLS password.
        return "RelayConfig[bind=" + bind + ", port=" + port + ", tls=" + tls() + ", maxFrameBytes=" + maxFrameBytes
                + ", rateBurst=" + rateBurst + ", ratePerSecond=" + ratePerSecond
                + ", rateViolationsBeforeClose=" + rateViolationsBeforeClose + ", maxPeersPerRoom=" + maxPeersPerRoom
                + ", maxRooms=" + maxRooms + ", maxConnectionsPerAddress=" + maxConnectionsPerAddress
                + ", idleTimeout=" + idleTimeout + ", maxOutboundQueue=" + maxOutboundQueue
                + ", shutdownGrace=" + shutdownGrace + ", trustForwardedFor=" + trustForwardedFor + ", ice=" + ice
                + ", " + hardening + "]";
    }
}
