package chat.free4.signaling.lan.discovery;

import chat.free4.signaling.lan.LanPeerMain;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host on the simulated LAN (real mDNS, two namespaces on a bridge) announces members at
 * 127.0.0.1 and at 10.77.0.1, outside the LAN's 198.18.x.0/24: the browser ignores them (so
 * neither the lobby nor LAN signaling dials or probes them) and lists the honest member.
 */
class AnnouncedAddressesTest {
    private static final Duration START = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    private static final Duration AFTER_CONTROL = Duration.ofSeconds(15);

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(2);

    @Test
    void membersAtLoopbackOrOffTheSubnetAreIgnored() throws Exception {
        SimulatedLan lan = lanExtension.get();
        ChildPeer observer = lan.start(lan.host(0), "observer", LanPeerMain.class.getName(), List.of("--rooms", "lan0"));
        observer.awaitLine("^BROWSING", START);
        ChildPeer hostile = lan.start(lan.host(1), "hostile", HostileAddressAnnouncerMain.class.getName(), List.of("lan0"));
        hostile.awaitLine("^ANNOUNCING", START);

        observer.awaitLine("^ROOMS .*honest room", START);
        // Each round sends all three: once the honest one is listed, the others have been judged too.
        observer.awaitLine("^IGNORED " + HostileAddressAnnouncerMain.LOOPBACK_ID + " \\(no address on this network\\)", AFTER_CONTROL);
        observer.awaitLine("^IGNORED " + HostileAddressAnnouncerMain.FAR_ID + " \\(no address on this network\\)", AFTER_CONTROL);
        for (String line : observer.lines()) {
            if (line.startsWith("ROOMS")) {
                assertTrue(!line.contains("loopback room") && !line.contains("far room"), "listed: " + line);
            }
        }
    }
}
