package chat.free4.signaling.lan.discovery;

import chat.free4.signaling.lan.LanPeerMain;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host on the simulated LAN announces malformed and hostile free4chat services with a raw
 * jmDNS; a browsing peer ignores every one of them, lists only the valid room, and keeps running.
 */
class HostileAnnouncementsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    private static final Pattern HOSTILE_ROOMS = Pattern.compile(
            "oversized|future|utf room|evil|ansi|bidi|mismatch|dup room|other|rrrr|noflag|hostile");

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(2);

    @Test
    void hostileAnnouncementsAreIgnoredAndTheValidRoomIsListed() throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer observer = lan.start(lan.host(0), "observer", LanPeerMain.class.getName(), List.of("--rooms", "lan0"));
        observer.awaitLine("^BROWSING", TIMEOUT);
        ChildPeer hostile = lan.start(lan.host(1), "hostile", HostileAnnouncerMain.class.getName(), List.of("lan0"));
        hostile.awaitLine("^REGISTERED", TIMEOUT);

        observer.awaitLine("^ROOMS .*control room\\(1:control\\)", TIMEOUT);
        for (HostileAnnouncerMain.Hostile h : HostileAnnouncerMain.hostiles()) {
            observer.awaitLine("^IGNORED " + h.instance() + " ", TIMEOUT);
        }
        assertTrue(observer.process().isAlive(), "the browser survives");
        for (String line : observer.lines()) {
            if (line.startsWith("ROOMS")) {
                assertTrue(!HOSTILE_ROOMS.matcher(line).find(), "a hostile room was listed: " + line);
            }
            assertTrue(!line.contains("Exception"), "no exception: " + line);
        }
    }
}
