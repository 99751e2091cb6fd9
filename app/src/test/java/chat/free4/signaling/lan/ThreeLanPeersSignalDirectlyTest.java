package chat.free4.signaling.lan;

import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three peers on a simulated LAN (one network namespace each, real multicast on a bridge, no
 * server anywhere) find each other by mDNS and exchange signals directly; one that leaves and
 * one that crashes disappear from the survivors.
 */
class ThreeLanPeersSignalDirectlyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(3);

    @Test
    void peersFindEachOtherExchangeSignalsAndNoticeLeavingAndCrashing() throws Exception {
        SimulatedLan lan = lanExtension.get();
        List<ChildPeer> peers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ChildPeer peer = lan.start(lan.host(i), "peer" + i, LanPeerMain.class.getName(),
                    List.of("demo room", "peer" + i, "public", "lan0"));
            peers.add(peer);
        }
        for (ChildPeer peer : peers) {
            ids.add(peer.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1));
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    peers.get(i).awaitLine("^PEER_JOINED " + ids.get(j) + " peer" + j + "$", TIMEOUT);
                }
            }
        }

        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    peers.get(i).send("offer " + ids.get(j) + " v=0 from peer" + i + " to peer" + j);
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    peers.get(j).awaitLine("^SIGNAL " + ids.get(i) + " offer v=0 from peer" + i + " to peer" + j + "$", TIMEOUT);
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            long offers = peers.get(j).lines().stream().filter(l -> l.startsWith("SIGNAL ")).count();
            assertEquals(2, offers, "peer" + j + " got exactly one offer from each other peer");
        }

        peers.get(2).send("leave");
        peers.get(0).awaitLine("^PEER_LEFT " + ids.get(2) + "$", TIMEOUT);
        peers.get(1).awaitLine("^PEER_LEFT " + ids.get(2) + "$", TIMEOUT);

        peers.get(1).kill();
        peers.get(0).awaitLine("^PEER_LEFT " + ids.get(1) + "$", TIMEOUT);
        assertTrue(peers.get(0).process().isAlive(), "the survivor keeps running");
        assertTrue(peers.get(0).lines().stream().noneMatch(l -> l.startsWith("ERROR")),
                "no errors: " + peers.get(0).lines());
    }
}
