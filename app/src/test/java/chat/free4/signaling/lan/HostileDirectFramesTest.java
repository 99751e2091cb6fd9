package chat.free4.signaling.lan;

import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host on the simulated LAN attacks a peer's direct-signaling port (oversized and negative
 * lengths, garbage, wrong room or version, bad payloads, silence, a connection flood). The victim
 * closes each hostile connection and keeps signaling with its real room-mate.
 */
class HostileDirectFramesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    private static final List<String> ATTACKS = List.of("huge-length", "negative-length", "over-limit", "not-json",
            "not-utf8", "not-hello-first", "wrong-room", "wrong-version", "bad-payload", "silent", "flood");

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(3);

    @Test
    void hostileConnectionsAreClosedAndTheRoomKeepsWorking() throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer victim = lan.start(lan.host(0), "victim", LanPeerMain.class.getName(), List.of("demo", "victim", "public", "lan0"));
        ChildPeer friend = lan.start(lan.host(1), "friend", LanPeerMain.class.getName(), List.of("demo", "friend", "public", "lan0"));
        String victimId = victim.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        String friendId = friend.awaitLine("^JOINED (\\S+)", TIMEOUT).group(1);
        victim.awaitLine("^PEER_JOINED " + friendId + " friend$", TIMEOUT);
        friend.awaitLine("^PEER_JOINED " + victimId + " victim$", TIMEOUT);

        ChildPeer hostile = lan.start(lan.host(2), "hostile", HostileConnectorMain.class.getName(), List.of("lan0", "demo", "victim"));
        hostile.awaitLine("^TARGET victim$", TIMEOUT);
        hostile.awaitLine("^DONE$", TIMEOUT.multipliedBy(2));
        for (String attack : ATTACKS) {
            String result = hostile.awaitLine("^ATTACK " + attack + " (.*)$", TIMEOUT).group(1);
            assertTrue(result.startsWith("CLOSED"), attack + ": " + result);
        }

        friend.send("offer " + victimId + " still talking");
        victim.send("offer " + friendId + " still listening");
        victim.awaitLine("^SIGNAL " + friendId + " offer still talking$", TIMEOUT);
        friend.awaitLine("^SIGNAL " + victimId + " offer still listening$", TIMEOUT);
        assertTrue(victim.process().isAlive());
        assertEquals(List.of(), victim.lines().stream().filter(l -> l.contains("Exception") || l.contains("ERROR")).toList());
    }
}
