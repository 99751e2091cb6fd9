package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.ToneGenerator;
import chat.free4.audio.RemotePcmListener;
import chat.free4.mesh.MeshConfig;
import chat.free4.peer.PeerConnectionStatus;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The peers' network goes away for a while (the test namespace's 198.18 address is removed, so
 * their packets have nowhere to go; the relay on loopback stays): connections are reported as reconnecting, repaired when the network
 * is back, and audio flows again. The outage outlasts every repair, so the link is reported as
 * failed and comes back through the slow retry. Needs the test namespace (root), like all WebRTC tests here.
 */
class BrokenConnectionIsRepairedTest {
    /** Short repair timings so the whole ladder (ICE restart, rebuilds, "failed", slow retry) runs quickly. */
    private static final MeshConfig QUICK = new MeshConfig(List.of(), Duration.ofSeconds(2), Duration.ofSeconds(1), 2,
            Duration.ofSeconds(2));

    @Test
    void aConnectionThatBreaksIsReportedAndRepaired() throws Exception {
        chat.free4.testlan.NatTestEnvironment.requireTestNamespace(); // skipped with the reason, never passed, without it
        String[] nic = testNamespaceAddress();
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(440, 0.2), RemotePcmListener.none(), QUICK);
             HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(880, 0.2), RemotePcmListener.none(), QUICK)) {
            List<PeerConnectionStatus> seenByA = new CopyOnWriteArrayList<>();
            a.engine.addListener(new EngineListener() {
                @Override
                public void onPeerStatus(PeerView peer) {
                    seenByA.add(peer.status());
                }
            });
            a.join(relay.uri(), "flaky");
            b.join(relay.uri(), "flaky");
            await().atMost(Duration.ofSeconds(15)).until(() -> a.hears(880) > 0.05 && b.hears(440) > 0.05);

            ip("addr", "del", nic[1], "dev", nic[0]);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> seenByA.contains(PeerConnectionStatus.RECONNECTING));
                await().atMost(Duration.ofSeconds(5)).until(() -> a.hears(880) < 0.01);
                // Kept down until every repair (ICE restart, fresh connections) has failed.
                await().atMost(Duration.ofSeconds(30)).until(() -> seenByA.contains(PeerConnectionStatus.FAILED));
            } finally {
                ip("addr", "add", nic[1], "dev", nic[0]);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> a.connectedTo(b) && b.connectedTo(a));
            await().atMost(Duration.ofSeconds(10)).until(() -> a.hears(880) > 0.05 && b.hears(440) > 0.05);
            assertEquals(1, a.engine.openConnections(), "repaired in place, not duplicated");
            assertEquals(1, b.engine.openConnections(), "repaired in place, not duplicated");
            assertTrue(a.knows(b) && b.knows(a));
        }
    }

    /** The interface and address (with prefix) from 198.18.0.0/15 in the test namespace. */
    private static String[] testNamespaceAddress() throws Exception {
        assertTrue(System.getenv("F4C_NETNS") != null,
                "this test needs the test network namespace (run as root, see src/test/netns/bin/java)");
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (var entry : nic.getInterfaceAddresses()) {
                byte[] b = entry.getAddress().getAddress();
                if (entry.getAddress() instanceof Inet4Address && (b[0] & 0xff) == 198 && (b[1] & 0xff) == 18) {
                    return new String[] {nic.getName(), entry.getAddress().getHostAddress() + "/" + entry.getNetworkPrefixLength()};
                }
            }
        }
        throw new AssertionError("no 198.18.0.0/15 interface in the test namespace");
    }

    private static void ip(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "ip " + String.join(" ", args) + ": "
                + new String(p.getInputStream().readAllBytes()));
    }
}
