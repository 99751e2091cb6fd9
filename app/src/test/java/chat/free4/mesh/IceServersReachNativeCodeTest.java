package chat.free4.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.signaling.IceServer;
import chat.free4.signaling.IceServerCheck;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every form of entry {@link IceServerCheck} lets through is one the native code takes: a peer
 * connection is created with it (where bad entries used to crash the JVM) and given fresh servers
 * later. No offer is made, so nothing is gathered and no packet is sent.
 */
class IceServersReachNativeCodeTest {
    private static final PeerConnectionObserver QUIET = new PeerConnectionObserver() {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
        }
    };

    @Test
    void everyAcceptedFormIsTakenByWebrtcAndCanBeReplacedOnALiveConnection() {
        List<IceServer> servers = List.of(
                IceServerCheck.check("stun:198.18.0.1", "", ""),
                IceServerCheck.check("STUN:198.18.0.1:3478", "", ""),
                IceServerCheck.check("stuns:198.18.0.1:5349", "", ""),
                IceServerCheck.check("turn:198.18.0.1:3478?transport=udp", "1767225600:abc", "q3Z+/w=="),
                IceServerCheck.check("turn:198.18.0.1?transport=tcp", "user", "pässwörd"),
                IceServerCheck.check("turns:[2001:db8::1]:5349", "user", "pw"),
                IceServerCheck.check("turn:localhost", "user", "pw"));
        HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
        PeerConnectionFactory factory = new PeerConnectionFactory(audio);
        try {
            MeshConfig config = MeshConfig.defaults();
            RTCConfiguration rtc = config.rtcConfiguration(servers);
            assertEquals(servers.size(), rtc.iceServers.size());
            for (RTCIceServer s : rtc.iceServers) {
                assertNotNull(s.username, "never null towards native code");
                assertNotNull(s.password);
                assertNotNull(s.hostname);
            }
            assertTrue(!rtc.portAllocatorConfig.isTcpDisabled(), "a TCP TURN server turns TCP candidates on");
            RTCPeerConnection pc = factory.createPeerConnection(rtc, QUIET);
            assertNotNull(pc, "webrtc-java took every accepted entry");
            // Fresh credentials for the same servers: what refresh-ice does to a live connection.
            List<IceServer> fresh = servers.stream()
                    .map(s -> s.isTurn() ? new IceServer(s.url(), "1767229200:abc", "bmV3") : s).toList();
            pc.setConfiguration(config.rtcConfiguration(fresh));
            assertEquals("1767229200:abc", pc.getConfiguration().iceServers.get(3).username);
            pc.close();
        } finally {
            factory.dispose();
            audio.dispose();
        }
    }
}
