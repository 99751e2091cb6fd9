package chat.free4.engine;

import static chat.free4.engine.OutageTools.concat;
import static chat.free4.engine.OutageTools.iptables;
import static chat.free4.engine.OutageTools.offers;
import static chat.free4.engine.OutageTools.testNamespaceAddress;
import static chat.free4.engine.OutageTools.first;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.RemotePcmListener;
import chat.free4.audio.ToneGenerator;
import chat.free4.mesh.MeshConfig;
import chat.free4.peer.PeerConnectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, the first rung of the repair ladder: the peers' network drops every packet for a moment
 * (an iptables DROP of UDP to the test namespace's 198.18 address; the relay on loopback stays). After the
 * disconnect grace the offerer restarts ICE on the same connection, the network comes back, and
 * that restart alone repairs the call: one offer during the outage, with the same DTLS fingerprint
 * (same connection, not a rebuilt one) and fresh ICE credentials; never "failed"; audio flows again.
 */
class ShortOutageIceRestartTest {
    /** Grace 1 s, then an ICE restart that may take 15 s before anything else is tried. */
    private static final MeshConfig CONFIG = new MeshConfig(List.of(), Duration.ofSeconds(15), Duration.ofSeconds(1), 2,
            Duration.ofSeconds(15));
    private static final Pattern FINGERPRINT = Pattern.compile("a=fingerprint:([^\\\\]+)");
    private static final Pattern UFRAG = Pattern.compile("a=ice-ufrag:([^\\\\]+)");

    @Test
    void anIceRestartRepairsTheCallAfterAShortOutage() throws Exception {
        chat.free4.testlan.NatTestEnvironment.requireTestNamespace(); // skipped with the reason without it
        String address = testNamespaceAddress();
        // Both peers use that address, so their packets go over lo: drop by address (UDP; the relay is TCP on 127.0.0.1).
        String[] drop = {"INPUT", "-d", address, "-p", "udp", "-j", "DROP"};
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             RecordingRelayProxy proxy = RecordingRelayProxy.start(relay.uri());
             HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(440, 0.2), RemotePcmListener.none(), CONFIG);
             HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(880, 0.2), RemotePcmListener.none(), CONFIG)) {
            List<PeerConnectionStatus> seenByA = new CopyOnWriteArrayList<>();
            List<PeerConnectionStatus> seenByB = new CopyOnWriteArrayList<>();
            a.engine.addListener(new EngineListener() {
                @Override
                public void onPeerStatus(PeerView peer) {
                    seenByA.add(peer.status());
                }
            });
            b.engine.addListener(new EngineListener() {
                @Override
                public void onPeerStatus(PeerView peer) {
                    seenByB.add(peer.status());
                }
            });
            a.join(proxy.uri(), "blip");
            b.join(proxy.uri(), "blip");
            await().atMost(Duration.ofSeconds(15)).until(() -> a.hears(880) > 0.05 && b.hears(440) > 0.05);
            List<String> offersBefore = offers(proxy);
            assertEquals(1, offersBefore.size(), "one offer set the call up: " + offersBefore.size());

            iptables(concat("-I", drop));
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> seenByA.contains(PeerConnectionStatus.RECONNECTING));
                await().atMost(Duration.ofSeconds(5)).until(() -> a.hears(880) < 0.01);
                // The restart's offer went out through the relay (loopback is not dropped).
                await().atMost(Duration.ofSeconds(20)).until(() -> offers(proxy).size() == 2);
            } finally {
                iptables(concat("-D", drop));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> a.connectedTo(b) && b.connectedTo(a));
            await().atMost(Duration.ofSeconds(10)).until(() -> a.hears(880) > 0.05 && b.hears(440) > 0.05);

            List<String> all = offers(proxy);
            assertEquals(2, all.size(), "the ICE restart alone repaired it (no rebuilt connection)");
            assertEquals(first(FINGERPRINT, all.get(0)), first(FINGERPRINT, all.get(1)),
                    "the same connection (its DTLS certificate) was restarted");
            assertNotEquals(first(UFRAG, all.get(0)), first(UFRAG, all.get(1)), "with fresh ICE credentials");
            assertFalse(seenByA.contains(PeerConnectionStatus.FAILED) || seenByB.contains(PeerConnectionStatus.FAILED),
                    "never reported failed: " + seenByA + " / " + seenByB);
            assertEquals(1, a.engine.openConnections());
            assertEquals(1, b.engine.openConnections());
        }
    }
}
