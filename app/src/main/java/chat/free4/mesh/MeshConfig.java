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
 */
public record MeshConfig(List<String> iceServers, Duration connectTimeout, Duration disconnectGrace, int maxRepairs) {

    public MeshConfig {
        iceServers = List.copyOf(iceServers);
    }

    public static MeshConfig defaults() {
        return new MeshConfig(List.of(), Duration.ofSeconds(10), Duration.ofSeconds(4), 4);
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
