package chat.free4.signaling.lan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

/**
 * LAN mode over IPv6 only: mDNS on ff02::fb and direct signaling to link-local addresses (which
 * mDNS announces without a scope), and over both families at once with members merged by id.
 */
class Ipv6LanPeersSignalDirectlyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(2);

    @Test
    void peersFindEachOtherAndSignalOverIpv6Only() throws Exception {
        exchange("ipv6");
    }

    @Test
    void peersOnBothFamiliesSeeEachOtherOnce() throws Exception {
        exchange("both");
    }

    private void exchange(String family) throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer a = lan.start(lan.host(0), "a", LanPeerMain.class.getName(), List.of("v6 room", "alice", "public", "lan0", family));
        ChildPeer b = lan.start(lan.host(1), "b", LanPeerMain.class.getName(), List.of("v6 room", "bob", "public", "lan0", family));
        String aId = a.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        String bId = b.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        a.awaitLine("^PEER_JOINED " + bId + " bob$", TIMEOUT);
        b.awaitLine("^PEER_JOINED " + aId + " alice$", TIMEOUT);
        a.awaitLine("^ROOMS v6 room\\(2:alice,bob\\)$", TIMEOUT);
        a.send("offer " + bId + " over " + family);
        b.send("offer " + aId + " back over " + family);
        b.awaitLine("^SIGNAL " + aId + " offer over " + family + "$", TIMEOUT);
        a.awaitLine("^SIGNAL " + bId + " offer back over " + family + "$", TIMEOUT);

        // Once: a last signal each way, after which anything doubled by a second path (the other
        // family) has arrived; then each side knows the other once and got each signal once.
        a.send("offer " + bId + " last");
        b.send("offer " + aId + " last");
        b.awaitLine("^SIGNAL " + aId + " offer last$", TIMEOUT);
        a.awaitLine("^SIGNAL " + bId + " offer last$", TIMEOUT);
        assertEquals(1, count(a, "PEER_JOINED " + bId + " bob"), "alice saw bob join once: " + a.lines());
        assertEquals(1, count(b, "PEER_JOINED " + aId + " alice"), "bob saw alice join once: " + b.lines());
        assertEquals(0, count(a, "PEER_LEFT " + bId) + count(b, "PEER_LEFT " + aId), "nobody left in between");
        assertEquals(1, count(b, "SIGNAL " + aId + " offer over " + family), "bob got alice's signal once: " + b.lines());
        assertEquals(1, count(a, "SIGNAL " + bId + " offer back over " + family), "alice got bob's signal once: " + a.lines());
        assertTrue(a.lines().stream().filter(l -> l.startsWith("ROOMS v6 room")).allMatch(l -> l.startsWith("ROOMS v6 room(1:")
                || l.equals("ROOMS v6 room(2:alice,bob)")), "the list never showed anyone twice: " + a.lines());
    }

    private static long count(ChildPeer peer, String line) {
        return peer.lines().stream().filter(l -> l.startsWith(line)).count();
    }
}
