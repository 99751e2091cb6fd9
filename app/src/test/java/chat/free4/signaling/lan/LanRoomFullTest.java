package chat.free4.signaling.lan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 20, the 8-peer cap on a LAN (no server: each peer counts for itself): eight peers, each its
 * own host of a simulated LAN, fill a room; a ninth that comes later is told {@code room_full} in
 * words (the members answer its hello with a {@code full} frame), and the eight are told nothing,
 * keep exactly their seven others and can still signal each other.
 */
class LanRoomFullTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(180); // nine child JVMs on 2 cores
    private static final int CAP = 8;

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(CAP + 1);

    @Test
    void aNinthPeerIsToldTheRoomIsFullAndTheEightKeepTheirRoom() throws Exception {
        SimulatedLan lan = lanExtension.get();
        List<ChildPeer> members = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            members.add(lan.start(lan.host(i), "member" + i, LanPeerMain.class.getName(),
                    List.of("full room", "member" + i, "public", "lan0")));
        }
        for (ChildPeer m : members) {
            ids.add(m.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1));
        }
        for (int i = 0; i < CAP; i++) {
            for (int j = 0; j < CAP; j++) {
                if (i != j) {
                    members.get(i).awaitLine("^PEER_JOINED " + ids.get(j) + " member" + j + "$", TIMEOUT);
                }
            }
        }
        List<Integer> marks = members.stream().map(ChildPeer::mark).toList();

        ChildPeer ninth = lan.start(lan.host(CAP), "ninth", LanPeerMain.class.getName(),
                List.of("full room", "ninth", "public", "lan0"));
        String ninthId = ninth.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        String refusal = ninth.awaitLine("^ERROR room_full (.+)$", Duration.ofSeconds(60)).group(1);
        assertEquals("This LAN room already has 8 people; you are not connected to them.", refusal);
        // Every member has seen the ninth (its log says it did not connect it) before we look at them.
        for (ChildPeer m : members) {
            m.awaitLine("not connecting " + ninthId + "$", Duration.ofSeconds(60));
        }
        // It is left with nobody: once mDNS showed it all nine, whoever it called is gone again after
        // that member refused its hello.
        ninth.awaitLine("^ROOMS full room\\(9:", Duration.ofSeconds(60));
        org.awaitility.Awaitility.await("no one stays with the ninth").atMost(Duration.ofSeconds(30)).until(() ->
                ninth.lines().stream().filter(l -> l.startsWith("PEER_JOINED")).count()
                        == ninth.lines().stream().filter(l -> l.startsWith("PEER_LEFT")).count());
        ninth.send("leave");
        ninth.awaitLine("^STATE CLOSED", TIMEOUT);
        assertEquals(1, ninth.lines().stream().filter(l -> l.startsWith("ERROR")).count(),
                "told once: " + ninth.lines());

        // The eight still signal each other, and nothing else happened to them.
        for (int j = 1; j < CAP; j++) {
            members.get(0).send("offer " + ids.get(j) + " v=0 after the ninth");
        }
        for (int j = 1; j < CAP; j++) {
            members.get(j).awaitLine("^SIGNAL " + ids.get(0) + " offer v=0 after the ninth$", TIMEOUT);
        }
        for (int i = 0; i < CAP; i++) {
            List<String> all = members.get(i).lines();
            List<String> after = all.subList(marks.get(i), all.size()).stream()
                    .filter(l -> l.startsWith("PEER_") || l.startsWith("ERROR") || l.startsWith("STATE")
                            || l.startsWith("SIGNAL") || l.startsWith("JOINED"))
                    .toList();
            List<String> expected = i == 0 ? List.of()
                    : List.of("SIGNAL " + ids.get(0) + " offer v=0 after the ninth");
            assertEquals(expected, after, "member" + i + " saw nothing of the ninth");
        }
    }
}
