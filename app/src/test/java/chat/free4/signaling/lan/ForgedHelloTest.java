package chat.free4.signaling.lan;

import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A peer id is public (mDNS): a third host dials Bob claiming to be Alice. Before, Bob let the
 * newer connection win, closed Alice's real one, and the pair never spoke again. Three hosts on a
 * simulated LAN, real mDNS and sockets.
 */
class ForgedHelloTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    private static final Duration AFTER = Duration.ofSeconds(30);

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(3);

    @Test
    void aHelloWithSomeoneElsesIdDoesNotReplaceTheirConnection() throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer alice = lan.start(lan.host(0), "alice", LanPeerMain.class.getName(), List.of("demo", "alice", "public", "lan0"));
        ChildPeer bob = lan.start(lan.host(1), "bob", LanPeerMain.class.getName(), List.of("demo", "bob", "public", "lan0"));
        String aliceId = alice.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        String bobId = bob.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        bob.awaitLine("^PEER_JOINED " + aliceId + " alice$", TIMEOUT);
        alice.awaitLine("^PEER_JOINED " + bobId + " bob$", TIMEOUT);

        ChildPeer mallory = lan.start(lan.host(2), "mallory", ForgedHelloMain.class.getName(), List.of("lan0", "demo", "bob", "alice"));
        mallory.awaitLine("^TARGET " + bobId + " AS " + aliceId + "$", TIMEOUT);
        String attempt = mallory.awaitLine("^ATTEMPT (\\S+)$", TIMEOUT).group(1);

        alice.send("offer " + bobId + " after the forgery");
        bob.send("offer " + aliceId + " still here");
        bob.awaitLine("^SIGNAL " + aliceId + " offer after the forgery$", AFTER);
        alice.awaitLine("^SIGNAL " + bobId + " offer still here$", AFTER);
        assertEquals("CLOSED", attempt, "Bob closes the forged connection");
        assertEquals(List.of(), bob.lines().stream().filter(l -> l.contains("offer forged")).toList());
        assertEquals(List.of(), bob.lines().stream().filter(l -> l.startsWith("PEER_LEFT")).toList());
        assertEquals(List.of(), alice.lines().stream().filter(l -> l.startsWith("PEER_LEFT")).toList());
    }

    @Test
    void aForgedHelloBeforeThePeersOwnCallIsRefusedWhenItsAnnouncementWasSeen() throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer alice = lan.start(lan.host(0), "alice", QuietPeerMain.class.getName(), List.of("lan0", "demo", "alice"));
        ChildPeer bob = lan.start(lan.host(1), "bob", LanPeerMain.class.getName(), List.of("demo", "bob", "public", "lan0"));
        String aliceId = alice.awaitLine("^ANNOUNCED (\\S+)", TIMEOUT).group(1);
        bob.awaitLine("^PEER_JOINED " + aliceId + " alice$", TIMEOUT); // from her announcement only

        ChildPeer mallory = lan.start(lan.host(2), "mallory", ForgedHelloMain.class.getName(), List.of("lan0", "demo", "bob", "alice"));
        String attempt = mallory.awaitLine("^ATTEMPT (\\S+)$", TIMEOUT).group(1);
        assertEquals("CLOSED", attempt, "Bob refuses a key other than the one Alice announced");

        alice.send("call bob real words");
        bob.awaitLine("^SIGNAL " + aliceId + " offer real words$", AFTER);
        assertEquals(List.of(), bob.lines().stream().filter(l -> l.contains("offer forged")).toList());
        assertEquals(List.of(), bob.lines().stream().filter(l -> l.startsWith("PEER_LEFT")).toList());
    }

    @Test
    void theSamePeerCallingAgainReplacesItsConnection() throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer alice = lan.start(lan.host(0), "alice", LanPeerMain.class.getName(), List.of("demo", "alice", "public", "lan0"));
        ChildPeer bob = lan.start(lan.host(1), "bob", LanPeerMain.class.getName(), List.of("demo", "bob", "public", "lan0"));
        String aliceId = alice.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        String bobId = bob.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        bob.awaitLine("^PEER_JOINED " + aliceId + " alice$", TIMEOUT);
        alice.awaitLine("^PEER_JOINED " + bobId + " bob$", TIMEOUT);

        alice.send("offer " + bobId + " on the first connection");
        bob.awaitLine("^SIGNAL " + aliceId + " offer on the first connection$", AFTER);

        // Alice calls Bob again while Bob still holds her first connection: same key, so it is her.
        alice.send("redial " + bobId);
        alice.awaitLine("^REDIALED " + bobId + "$", AFTER);
        alice.send("offer " + bobId + " on the new connection");
        bob.awaitLine("^SIGNAL " + aliceId + " offer on the new connection$", AFTER);
        bob.send("offer " + aliceId + " still here");
        alice.awaitLine("^SIGNAL " + bobId + " offer still here$", AFTER);
        assertEquals(List.of(), bob.lines().stream().filter(l -> l.startsWith("PEER_LEFT")).toList());
        assertEquals(List.of(), alice.lines().stream().filter(l -> l.startsWith("PEER_LEFT")).toList());
    }
}
