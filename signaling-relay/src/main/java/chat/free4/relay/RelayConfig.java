package chat.free4.relay;

import chat.free4.relay.ice.IceConfig;
import java.nio.file.Path;
import java.time.Duration;
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
        IceConfig ice) {

    public static final String DEFAULT_BIND = "::";
    public static final int DEFAULT_PORT = 8443;

    public RelayConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(ice, "ice");
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
                Duration.ofSeconds(60), 256, Duration.ofSeconds(2), false, IceConfig.none());
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    public RelayConfig withBind(String value) {
        return new RelayConfig(value, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    /** Port 0 picks a free ephemeral port; {@link RelayServer#port()} tells which. */
    public RelayConfig withPort(int value) {
        return new RelayConfig(bind, value, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    /** Serves wss:// from a PKCS12 keystore. */
    public RelayConfig withTls(Path keystore, String password) {
        return new RelayConfig(bind, port, keystore, password, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    public RelayConfig withMaxFrameBytes(int value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, value, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    /** Token bucket per connection: {@code burst} messages at once, refilled at {@code perSecond}. */
    public RelayConfig withRate(int burst, double perSecond) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, burst, perSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    public RelayConfig withRateViolationsBeforeClose(int value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                value, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    public RelayConfig withMaxPeersPerRoom(int value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, value, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    public RelayConfig withMaxRooms(int value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, value, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    public RelayConfig withMaxConnectionsPerAddress(int value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, value, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    public RelayConfig withIdleTimeout(Duration value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, value,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, ice);
    }

    /** Messages waiting to be written to one client before it is dropped as too slow. */
    public RelayConfig withMaxOutboundQueue(int value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                value, shutdownGrace, trustForwardedFor, ice);
    }

    /** How long {@link RelayServer#stop()} waits for clients to acknowledge the close frame. */
    public RelayConfig withShutdownGrace(Duration value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, value, trustForwardedFor, ice);
    }

    /**
     * Behind a reverse proxy (Fly.io, Railway) every socket comes from the proxy: take the client's
     * address from the last {@code X-Forwarded-For} entry, the one the proxy itself added, for the
     * per-address connection limit. Only for a relay that is reachable through that proxy alone.
     */
    public RelayConfig withTrustForwardedFor(boolean value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, value, ice);
    }

    /** The STUN/TURN servers handed to clients in {@code joined} (docs/PROTOCOL.md). */
    public RelayConfig withIce(IceConfig value) {
        return new RelayConfig(bind, port, tlsKeystore, tlsPassword, maxFrameBytes, rateBurst, ratePerSecond,
                rateViolationsBeforeClose, maxPeersPerRoom, maxRooms, maxConnectionsPerAddress, idleTimeout,
                maxOutboundQueue, shutdownGrace, trustForwardedFor, value);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
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
                + ", shutdownGrace=" + shutdownGrace + ", trustForwardedFor=" + trustForwardedFor + ", ice=" + ice + "]";
    }
}
