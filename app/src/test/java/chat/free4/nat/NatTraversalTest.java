package chat.free4.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.Main;
import chat.free4.audio.Goertzel;
import chat.free4.audio.Pcm;
import chat.free4.audio.WavReader;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.Home;
import chat.free4.testlan.NatKind;
import chat.free4.testlan.NatTestEnvironment;
import chat.free4.testlan.PublicServices;
import chat.free4.testlan.SimulatedInternet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Internet rooms through home routers, in a simulated internet (network namespaces, iptables NAT,
 * a real coturn and a real relay on the public side, real headless peers as child JVMs in the
 * homes). Each peer sends a tone; what it recorded is checked by frequency.
 */
class NatTraversalTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    private static final String SECRET = "nat-test-secret-" + Long.toHexString(System.nanoTime());
    private static final double TONE_1 = 440;
    private static final double TONE_2 = 660;

    @TempDir
    Path dir;

    private SimulatedInternet net;

    @BeforeEach
    void environment() {
        NatTestEnvironment.require();
    }

    @AfterEach
    void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void endpointIndependentNatsConnectWithTheRelaysStunServerOnly() throws Exception {
        net = SimulatedInternet.create(NatKind.ENDPOINT_INDEPENDENT, NatKind.ENDPOINT_INDEPENDENT);
        PublicServices.coturn(net, SECRET, dir); // serves STUN; the relay names no TURN server
        PublicServices.relay(net, List.of("--stun", PublicServices.stunUrl()));
        ChildPeer p1 = peer(net.home(1), "h1", TONE_1);
        ChildPeer p2 = peer(net.home(2), "h2", TONE_2);
        assertHearEachOther(p1, p2);
        p1.awaitLine("h2: route through your router \\[(srflx|prflx)/(srflx|prflx) udp\\]", TIMEOUT);
    }

    @Test
    void symmetricNatsDoNotConnectWithStunOnly() throws Exception {
        net = SimulatedInternet.create(NatKind.SYMMETRIC, NatKind.SYMMETRIC);
        PublicServices.coturn(net, SECRET, dir);
        PublicServices.relay(net, List.of("--stun", PublicServices.stunUrl()));
        ChildPeer p1 = peer(net.home(1), "h1", TONE_1);
        ChildPeer p2 = peer(net.home(2), "h2", TONE_2);
        p1.awaitLine("\\+ h2 joined", TIMEOUT);
        p2.awaitLine("h1 joined|1 other already here", TIMEOUT);
        // Both see each other through the relay, yet no path exists: a new public port per destination
        // makes the STUN-learnt ports useless, and there is no TURN server. 25 s is 2.5 connect timeouts.
        Awaitility.await("no connection through two symmetric NATs").during(Duration.ofSeconds(25))
                .atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> p1.find(l -> l.contains("h2: connected")).isEmpty()
                        && p2.find(l -> l.contains("h1: connected")).isEmpty());
        p1.awaitLine("h2: reconnecting|h2: connection failed", TIMEOUT);
    }

    @Test
    void symmetricNatsConnectThroughTurn() throws Exception {
        net = SimulatedInternet.create(NatKind.SYMMETRIC, NatKind.SYMMETRIC);
        PublicServices.coturn(net, SECRET, dir);
        PublicServices.relay(net, List.of("--stun", PublicServices.stunUrl(), "--turn", PublicServices.turnUrl("udp"),
                "--turn-secret", SECRET));
        ChildPeer p1 = peer(net.home(1), "h1", TONE_1);
        ChildPeer p2 = peer(net.home(2), "h2", TONE_2);
        assertHearEachOther(p1, p2);
        p1.awaitLine("h2: route via relay server \\(TURN\\) \\[", TIMEOUT);
        p2.awaitLine("h1: route via relay server \\(TURN\\) \\[", TIMEOUT);
    }

    @Test
    void aHomeThatDropsAllUdpConnectsThroughTurnOverTcp() throws Exception {
        net = SimulatedInternet.create(NatKind.UDP_BLOCKED, NatKind.ENDPOINT_INDEPENDENT);
        PublicServices.coturn(net, SECRET, dir);
        PublicServices.relay(net, List.of("--stun", PublicServices.stunUrl(), "--turn", PublicServices.turnUrl("udp"),
                "--turn", PublicServices.turnUrl("tcp"), "--turn-secret", SECRET));
        ChildPeer p1 = peer(net.home(1), "h1", TONE_1);
        ChildPeer p2 = peer(net.home(2), "h2", TONE_2);
        assertHearEachOther(p1, p2);
        // h1's own candidate is a TURN allocation reached over TCP: no UDP leaves its home.
        p1.awaitLine("h2: route via relay server \\(TURN\\) \\[relay/\\w+ tcp\\]", TIMEOUT);
    }

    @Test
    void badIceEntriesAreLeftOutWithASentenceAndTheGoodOneIsUsed() throws Exception {
        net = SimulatedInternet.create(NatKind.ENDPOINT_INDEPENDENT, NatKind.ENDPOINT_INDEPENDENT);
        PublicServices.coturn(net, SECRET, dir);
        PublicServices.relay(net, List.of()); // the relay offers nothing: only the user's STUN server can help
        List<String> ice = List.of("--ice-server", SimulatedInternet.PUBLIC_IP + ":3478",
                "--ice-server", "turn:" + SimulatedInternet.PUBLIC_IP + ":3478",
                "--ice-server", "stun:garbage host",
                "--ice-server", PublicServices.stunUrl());
        ChildPeer p1 = peer(net.home(1), "h1", TONE_1, ice);
        ChildPeer p2 = peer(net.home(2), "h2", TONE_2, ice);
        for (ChildPeer p : List.of(p1, p2)) {
            p.awaitLine("\"198\\.19\\.0\\.10:3478\" is not a STUN or TURN server: write stun:HOST.*It was left out\\.", TIMEOUT);
            p.awaitLine("The TURN server \"turn:198\\.19\\.0\\.10:3478\" needs a username and a password\\. It was left out\\.", TIMEOUT);
            p.awaitLine("\"stun:garbage host\" contains spaces", TIMEOUT);
        }
        assertHearEachOther(p1, p2);
        p1.awaitLine("h2: route through your router", TIMEOUT);
    }

    private ChildPeer peer(Home home, String name, double tone) throws Exception {
        return peer(home, name, tone, List.of());
    }

    private ChildPeer peer(Home home, String name, double tone, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("join", "--relay", PublicServices.relayUrl(), "--room", "nat demo",
                "--name", name, "--tone", Double.toString(tone), "--record", dir.resolve(name + ".wav").toString(),
                "--seconds", "25", "--levels-every", "500"));
        args.addAll(extra);
        ChildPeer peer = net.startJava(home.host(), name, Main.class.getName(), args);
        peer.awaitLine("joined room \"nat demo\" as " + name, TIMEOUT);
        return peer;
    }

    /** Both connect, both hear the other's tone (and never their own) in their recordings, both exit 0. */
    private void assertHearEachOther(ChildPeer p1, ChildPeer p2) throws Exception {
        p1.awaitLine("h2: connected", TIMEOUT);
        p2.awaitLine("h1: connected", TIMEOUT);
        for (ChildPeer p : List.of(p1, p2)) {
            assertTrue(p.awaitExit(TIMEOUT), p.label() + " ends after --seconds");
            assertEquals(0, p.process().exitValue(), p.label() + " exit code; output: " + p.lines());
            p.awaitLine("recorded to", TIMEOUT);
        }
        assertStayedConnected(p1, "h2");
        assertStayedConnected(p2, "h1");
        assertHeard("h1", TONE_2, TONE_1);
        assertHeard("h2", TONE_1, TONE_2);
    }

    /** Once connected, the call never dropped back to "reconnecting" (it did, through a broken TURN allocation). */
    private static void assertStayedConnected(ChildPeer p, String other) {
        List<String> lines = p.lines();
        int connected = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(other + ": connected") && connected < 0) {
                connected = i;
            }
        }
        List<String> drops = lines.subList(connected + 1, lines.size()).stream()
                .filter(l -> l.contains(other + ": reconnecting") || l.contains(other + ": connection failed")).toList();
        assertTrue(drops.isEmpty(), p.label() + " lost " + other + " during the call: " + drops);
    }

    private void assertHeard(String name, double other, double own) throws Exception {
        short[] heard = WavReader.read(dir.resolve(name + ".wav"));
        int window = Pcm.SAMPLE_RATE / 2;
        boolean found = false;
        for (int start = 0; start + window <= heard.length && !found; start += window / 2) {
            found = Goertzel.amplitude(heard, start, window, other, Pcm.SAMPLE_RATE) > 0.05
                    && Goertzel.amplitude(heard, start, window, own, Pcm.SAMPLE_RATE) < 0.01;
        }
        assertTrue(found, name + " heard the other home's " + other + " Hz tone clearly, and not its own");
        assertTrue(Goertzel.amplitude(heard, own) < 0.01, name + " never hears its own tone");
    }
}
