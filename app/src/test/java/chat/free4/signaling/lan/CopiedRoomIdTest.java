package chat.free4.signaling.lan;

import chat.free4.signaling.RoomPassword;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A LAN password room's blinded id is public (mDNS), so a host without the password can announce
 * it too (decision 0020). Alice and Bob, in the room, call that host as they call anyone announcing
 * the id, but it never joins their room: its own call, signed right but without the room's proof,
 * is closed and its offer never reaches them; they keep signalling each other.
 */
class CopiedRoomIdTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    private static final String PASSWORD = "hunter2 hunter2";

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(3);

    @Test
    void aCopiedBlindedIdWithoutThePasswordJoinsNothing() throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer alice = lan.start(lan.host(0), "alice", LanPeerMain.class.getName(),
                List.of("vault", "alice", "password=" + PASSWORD, "lan0"));
        ChildPeer bob = lan.start(lan.host(1), "bob", LanPeerMain.class.getName(),
                List.of("vault", "bob", "password=" + PASSWORD, "lan0"));
        String aliceId = alice.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        String bobId = bob.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        bob.awaitLine("^PEER_JOINED " + aliceId + " alice$", TIMEOUT);
        alice.awaitLine("^PEER_JOINED " + bobId + " bob$", TIMEOUT);

        String blinded = LanRoomSecret.derive(RoomPassword.of(PASSWORD.toCharArray()), "vault").blindedId();
        ChildPeer mallory = lan.start(lan.host(2), "mallory", CopiedRoomIdMain.class.getName(), List.of("lan0", blinded, "alice"));
        String malloryId = mallory.awaitLine("^ANNOUNCED (\\S+)", TIMEOUT).group(1);
        assertEquals("CLOSED", mallory.awaitLine("^ATTEMPT (\\S+)$", TIMEOUT).group(1), "Alice closes a call without the room's proof");
        // Both saw the copied announcement: they called it, as they call anyone announcing the room.
        mallory.awaitLine("^CALLED_BY " + aliceId + "$", TIMEOUT);
        mallory.awaitLine("^CALLED_BY " + bobId + "$", TIMEOUT);

        alice.send("offer " + bobId + " after the copy");
        bob.send("offer " + aliceId + " still here");
        bob.awaitLine("^SIGNAL " + aliceId + " offer after the copy$", TIMEOUT);
        alice.awaitLine("^SIGNAL " + bobId + " offer still here$", TIMEOUT);
        for (ChildPeer member : List.of(alice, bob)) {
            assertEquals(List.of(), member.lines().stream().filter(l -> l.contains(malloryId) || l.contains("copied")).toList(),
                    member.label() + " never hears of the copier");
            assertEquals(List.of(), member.lines().stream().filter(l -> l.startsWith("PEER_LEFT") || l.startsWith("ERROR")).toList());
        }
    }
}
