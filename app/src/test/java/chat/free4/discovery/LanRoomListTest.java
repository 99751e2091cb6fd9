package chat.free4.discovery;

import chat.free4.lan.LanPeerMain;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LAN room list of a browsing peer follows the peers on the simulated LAN: public rooms with
 * their members, private rooms never listed (yet joinable by name), and members withdrawn by their
 * mDNS goodbye when they leave or quit.
 */
class LanRoomListTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(4);

    @Test
    void roomListFollowsPeersAndHidesPrivateRooms() throws Exception {
        SimulatedLan lan = lanExtension.get();
        String main = LanPeerMain.class.getName();
        ChildPeer observer = lan.start(lan.host(0), "observer", main, List.of("--rooms", "lan0"));
        ChildPeer alice = lan.start(lan.host(1), "alice", main, List.of("open room", "alice", "public", "lan0"));
        ChildPeer bob = lan.start(lan.host(2), "bob", main, List.of("secret room", "bob", "private", "lan0"));
        ChildPeer carol = lan.start(lan.host(3), "carol", main, List.of("open room", "carol", "public", "lan0"));

        observer.awaitLine("^ROOMS open room\\(2:alice,carol\\)$", TIMEOUT);
        String bobId = bob.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);

        // A private room is joined by its name: dave finds bob although no list shows the room.
        ChildPeer dave = lan.start(lan.host(0), "dave", main, List.of("secret room", "dave", "private", "lan0"));
        dave.awaitLine("^PEER_JOINED " + bobId + " bob$", TIMEOUT);
        bob.awaitLine("^PEER_JOINED \\S+ dave$", TIMEOUT);

        int beforeLeave = observer.mark();
        alice.send("leave");
        observer.awaitLine("^ROOMS open room\\(1:carol\\)$", TIMEOUT, beforeLeave);

        int beforeQuit = observer.mark();
        carol.close(); // SIGTERM: the peer quits normally and says goodbye
        observer.awaitLine("^ROOMS $", TIMEOUT, beforeQuit);

        for (String line : observer.lines()) {
            assertTrue(!line.contains("secret room"), "a private room was listed: " + line);
        }
    }

    /**
     * A killed peer sends no goodbye; its records would stay for their 120 s TTL. The browser's
     * probe of its signaling port, refused by its host, takes it off the list well before that.
     */
    @Test
    void aKilledPeerLeavesTheListLongBeforeItsRecordsExpire() throws Exception {
        SimulatedLan lan = lanExtension.get();
        String main = LanPeerMain.class.getName();
        ChildPeer observer = lan.start(lan.host(0), "observer", main, List.of("--rooms", "lan0"));
        ChildPeer alice = lan.start(lan.host(1), "alice", main, List.of("open room", "alice", "public", "lan0"));
        ChildPeer carol = lan.start(lan.host(2), "carol", main, List.of("open room", "carol", "public", "lan0"));
        observer.awaitLine("^ROOMS open room\\(2:alice,carol\\)$", TIMEOUT);
        alice.awaitLine("^PEER_JOINED \\S+ carol$", TIMEOUT);

        int beforeKill = observer.mark();
        carol.kill(); // SIGKILL: no goodbye, no leave
        // Probe interval 5 s: a minute is slack for a loaded machine and still half the TTL.
        observer.awaitLine("^ROOMS open room\\(1:alice\\)$", Duration.ofSeconds(60), beforeKill);
    }
}
