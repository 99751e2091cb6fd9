package chat.free4.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every STUN/TURN entry is checked before webrtc-java sees it; a bad one gets a sentence naming it. */
class IceServerCheckTest {

    private static String refusal(String url, String user, String pass) {
        return assertThrows(IllegalArgumentException.class, () -> IceServerCheck.check(url, user, pass), url).getMessage();
    }

    @Test
    void goodEntriesPass() {
        assertEquals(new IceServer("stun:198.19.0.10:3478", "", ""), IceServerCheck.check(" stun:198.19.0.10:3478 ", null, null));
        assertEquals("stun:stun.example.org", IceServerCheck.check("STUN:stun.example.org", "", "").url().toLowerCase());
        IceServer turn = IceServerCheck.check("turn:turn.example.org:3478?transport=tcp", "1767225600:abc", "c3VwZXI=");
        assertTrue(turn.isTurn());
        assertTrue(turn.overTcp());
        assertTrue(IceServerCheck.check("turns:[2001:db8::1]:5349", "u", "p").overTcp());
        assertEquals("", IceServerCheck.check("stun:h.org", "ignored", "ignored").username(), "STUN carries no credentials");
    }

    @Test
    void theEntriesThatUsedToCrashTheJvmAreRefusedWithASentence() {
        assertTrue(refusal("198.19.0.10:3478", "", "").contains("is not a STUN or TURN server"));
        assertTrue(refusal("stun.example.org:3478", "", "").contains("write stun:HOST"));
        assertTrue(refusal("turn:turn.example.org:3478", "", "").contains("needs a username and a password"));
        assertTrue(refusal("turn:turn.example.org:3478", "user", "").contains("needs a username and a password"));
        assertTrue(refusal("turn:user:password@turn.example.org:3478", "", "").contains("give the username and password separately"));
    }

    @Test
    void garbageIsRefused() {
        for (String bad : List.of("", "   ", "stun:", "stun::3478", "http://x.org", "stun:x.org:0", "stun:x.org:65536",
                "stun:x.org:3478?transport=udp", "turn:x.org?transport=sctp", "turn:x.org?foo=bar", "stun:x .org",
                "stun:x.org\u0000", "stun:-.-", "stun:x..org", "stun:x.org:abc", "x".repeat(600))) {
            String sentence = refusal(bad, "u", "p");
            assertTrue(sentence.length() < 400, "a short sentence: " + sentence);
        }
        assertTrue(refusal("turn:x.org", "u".repeat(300), "p").contains("longer than"));
        assertTrue(refusal("turn:x.org", "u\n", "p").contains("control characters"));
    }

    @Test
    void configuredListKeepsTheGoodOnesAndExplainsTheBadOnes() {
        ConfiguredIceServers checked = ConfiguredIceServers.check(List.of(
                new ConfiguredIceServers.Entry("stun:198.19.0.10:3478", "", ""),
                new ConfiguredIceServers.Entry("198.19.0.10:3478", "", ""),
                new ConfiguredIceServers.Entry("turn:198.19.0.10:3478", "", ""),
                new ConfiguredIceServers.Entry("turn:198.19.0.10:3478?transport=tcp", "u", "p")));
        assertEquals(List.of("stun:198.19.0.10:3478", "turn:198.19.0.10:3478?transport=tcp"),
                checked.servers().stream().map(IceServer::url).toList());
        assertEquals(2, checked.problems().size());
        assertTrue(checked.problems().get(0).contains("\"198.19.0.10:3478\""), checked.problems().get(0));
        assertTrue(checked.problems().get(1).endsWith("It was left out."));
    }
}
