package chat.free4.mesh;

import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import java.time.Duration;
import java.util.List;

/**
 * How the mesh builds and repairs connections.
 *
 * @param iceServers      STUN/TURN urls (none on a LAN or in tests)
 * @param connectTimeout  an attempt that is not connected by then counts as failed
 * @param disconnectGrace how long a "disconnected" connection may recover by itself before we repair it
 * @param maxRepairs      repairs (one ICE restart, then fresh connections) before reporting "failed"
 * @param retryAfterFailure after "failed", try again this often while the peer is still in the room
 */
public record MeshConfig(List<String> iceServers, Duration connectTimeout, Duration disconnectGrace, int maxRepairs,
                         Duration retryAfterFailure) {

    public MeshConfig {
        iceServers = List.copyOf(iceServers);
    }

    /** With the default slow retry after "failed" (15 s). */
    public MeshConfig(List<String> iceServers, Duration connectTimeout, Duration disconnectGrace, int maxRepairs) {
        this(iceServers, connectTimeout, disconnectGrace, maxRepairs, Duration.ofSeconds(15));
    }

    public static MeshConfig defaults() {
        return new MeshConfig(List.of(), Duration.ofSeconds(10), Duration.ofSeconds(4), 4, Duration.ofSeconds(15));
    }

    RTCConfiguration rtcConfiguration() {
        RTCConfiguration config = new RTCConfiguration();
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        PortAllocatorConfig ports = new PortAllocatorConfig();
        ports.setDisableTcp(true);
        ports.setDisableRelay(iceServers.stream().noneMatch(u -> u.startsWith("turn")));
        config.portAllocatorConfig = ports;
        for (String url : iceServers) {
            RTCIceServer server = new RTCIceServer();
            server.urls.add(url);
            config.iceServers.add(server);
        }
        return config;
    }
}
