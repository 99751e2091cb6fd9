package chat.free4.signaling.lan.discovery;

import chat.free4.signaling.lan.LanPeerMain;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LAN room list of a browsing peer follows the peers on the simulated LAN: public rooms with
 * their members, private rooms never listed (yet joinable by name), and members withdrawn by their
 * mDNS goodbye when they leave or quit.
 */
class LanRoomListTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    /** The goodbye took about 0.25 s; well under the 120 s TTL that would remove a member without one. */
    private static final Duration GOODBYE = Duration.ofSeconds(20);

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(4);

    /** A peer on host {@code host} of the simulated LAN in {@code room}; with no room it only watches the list. */
    private ChildPeer peer(int host, String name, String room, String visibility) throws Exception {
        SimulatedLan lan = lanExtension.get();
        List<String> args = room == null ? List.of("--rooms", "lan0") : List.of(room, name, visibility, "lan0");
        return lan.start(lan.host(host), name, LanPeerMain.class.getName(), args);
    }

    /**
     * A watcher whose port probe waits an hour: only a goodbye (or the records' 120 s TTL) can take a
     * member off its list, so a list that empties within {@link #GOODBYE} was emptied by the goodbye.
     */
    private ChildPeer watcherWithoutProbe(int host) throws Exception {
        SimulatedLan lan = lanExtension.get();
        return lan.start(lan.host(host), "observer", LanPeerMain.class.getName(), List.of("--rooms", "lan0"),
                Map.of("JAVA_TOOL_OPTIONS", "-Dfree4chat.lan.memberProbeMillis=3600000"));
    }

    @Test
    void roomListFollowsPeersAndHidesPrivateRooms() throws Exception {
        ChildPeer observer = watcherWithoutProbe(0);
        ChildPeer alice = peer(1, "alice", "open room", "public");
        ChildPeer bob = peer(2, "bob", "secret room", "private");
        ChildPeer carol = peer(3, "carol", "open room", "public");

        observer.awaitLine("^ROOMS open room\\(2:alice,carol\\)$", TIMEOUT);
        String bobId = bob.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);

        // A private room is joined by its name: dave finds bob although no list shows the room.
        ChildPeer dave = peer(0, "dave", "secret room", "private");
        dave.awaitLine("^PEER_JOINED " + bobId + " bob$", TIMEOUT);
        bob.awaitLine("^PEER_JOINED \\S+ dave$", TIMEOUT);

        int beforeLeave = observer.mark();
        alice.send("leave");
        observer.awaitLine("^ROOMS open room\\(1:carol\\)$", GOODBYE, beforeLeave);

        int beforeQuit = observer.mark();
        carol.close(); // SIGTERM: the peer quits normally and says goodbye
        observer.awaitLine("^ROOMS $", GOODBYE, beforeQuit);

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
        ChildPeer observer = peer(0, "observer", null, null);
        ChildPeer alice = peer(1, "alice", "open room", "public");
        ChildPeer carol = peer(2, "carol", "open room", "public");
        observer.awaitLine("^ROOMS open room\\(2:alice,carol\\)$", TIMEOUT);
        alice.awaitLine("^PEER_JOINED \\S+ carol$", TIMEOUT);

        int beforeKill = observer.mark();
        carol.kill(); // SIGKILL: no goodbye, no leave
        // Probe interval 5 s: a minute is slack for a loaded machine and still half the TTL.
        observer.awaitLine("^ROOMS open room\\(1:alice\\)$", Duration.ofSeconds(60), beforeKill);
    }
}
