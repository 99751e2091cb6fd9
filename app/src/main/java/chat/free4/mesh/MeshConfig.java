package chat.free4.mesh;

import chat.free4.signaling.IceServer;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How the mesh builds and repairs connections.
 *
 * @param iceServers      STUN/TURN servers the user configured, already checked (none on a LAN or in
 *                        tests); the relay's own arrive with each {@code joined} and are added per connection
 * @param connectTimeout  an attempt that is not connected by then counts as failed
 * @param disconnectGrace how long a "disconnected" connection may recover by itself before we repair it
 * @param maxRepairs      repairs (one ICE restart, then fresh connections) before reporting "failed"
 * @param retryAfterFailure after "failed", try again this often while the peer is still in the room
 * @param relayOnly       use TURN candidates only (a diagnostic switch; also how tests force TURN)
 * @param limits          what peers and signaling may make this mesh build or keep
 */
public record MeshConfig(List<IceServer> iceServers, Duration connectTimeout, Duration disconnectGrace, int maxRepairs,
                         Duration retryAfterFailure, boolean relayOnly, MeshLimits limits) {

    public MeshConfig {
        iceServers = List.copyOf(iceServers);
        java.util.Objects.requireNonNull(limits, "limits");
    }

    public MeshConfig(List<IceServer> iceServers, Duration connectTimeout, Duration disconnectGrace, int maxRepairs,
                      Duration retryAfterFailure, boolean relayOnly) {
        this(iceServers, connectTimeout, disconnectGrace, maxRepairs, retryAfterFailure, relayOnly, MeshLimits.defaults());
    }

    public MeshConfig(List<IceServer> iceServers, Duration connectTimeout, Duration disconnectGrace, int maxRepairs,
                      Duration retryAfterFailure) {
        this(iceServers, connectTimeout, disconnectGrace, maxRepairs, retryAfterFailure, false);
    }

    /** With the default slow retry after "failed" (15 s). */
    public MeshConfig(List<IceServer> iceServers, Duration connectTimeout, Duration disconnectGrace, int maxRepairs) {
        this(iceServers, connectTimeout, disconnectGrace, maxRepairs, Duration.ofSeconds(15), false);
    }

    public static MeshConfig defaults() {
        return new MeshConfig(List.of(), Duration.ofSeconds(10), Duration.ofSeconds(4), 4, Duration.ofSeconds(15), false);
    }

    public MeshConfig withIceServers(List<IceServer> servers) {
        return new MeshConfig(servers, connectTimeout, disconnectGrace, maxRepairs, retryAfterFailure, relayOnly, limits);
    }

    public MeshConfig withRelayOnly(boolean value) {
        return new MeshConfig(iceServers, connectTimeout, disconnectGrace, maxRepairs, retryAfterFailure, value, limits);
    }

    public MeshConfig withLimits(MeshLimits value) {
        return new MeshConfig(iceServers, connectTimeout, disconnectGrace, maxRepairs, retryAfterFailure, relayOnly, value);
    }

    RTCConfiguration rtcConfiguration() {
        return rtcConfiguration(List.of());
    }

    /**
     * @param fromRelay the servers the relay gave in its last {@code joined} (checked by
     *                  RelayIceServers); used before the user's, which follow
     */
    RTCConfiguration rtcConfiguration(List<IceServer> fromRelay) {
        List<IceServer> all = new ArrayList<>(new LinkedHashSet<>(concat(fromRelay, iceServers)));
        RTCConfiguration config = new RTCConfiguration();
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        PortAllocatorConfig ports = new PortAllocatorConfig();
        // TCP only when a server offers it: a network that drops UDP then still reaches TURN over
        // TCP. Without one, TCP host candidates only add signals that cannot help a UDP path.
        ports.setDisableTcp(all.stream().noneMatch(IceServer::overTcp));
        ports.setDisableRelay(all.stream().noneMatch(IceServer::isTurn));
        config.portAllocatorConfig = ports;
        if (relayOnly) {
            config.iceTransportPolicy = RTCIceTransportPolicy.RELAY;
        }
        for (IceServer s : all) {
            RTCIceServer server = new RTCIceServer();
            server.urls.add(s.url());
            // Never null: webrtc-java hands these to native code unchecked.
            server.username = s.username();
            server.password = s.password();
            server.hostname = "";
            config.iceServers.add(server);
        }
        return config;
    }

    private static List<IceServer> concat(List<IceServer> a, List<IceServer> b) {
        List<IceServer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
