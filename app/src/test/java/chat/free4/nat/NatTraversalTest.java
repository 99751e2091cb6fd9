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
    private static final double TONE_3 = 880;

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

    @Test
    void threeHomesBehindThreeKindsOfNatAllHearEachOther() throws Exception {
        net = SimulatedInternet.create(NatKind.ENDPOINT_INDEPENDENT, NatKind.SYMMETRIC, NatKind.UDP_BLOCKED);
        PublicServices.coturn(net, SECRET, dir);
        PublicServices.relay(net, List.of("--stun", PublicServices.stunUrl(), "--turn", PublicServices.turnUrl("udp"),
                "--turn", PublicServices.turnUrl("tcp"), "--turn-secret", SECRET));
        double[] tones = {TONE_1, TONE_2, TONE_3};
        List<ChildPeer> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            peers.add(peer(net.home(i + 1), "h" + (i + 1), tones[i]));
        }
        assertAllHearEachOther(peers, tones);
    }

    @Test
    void tenPercentLossOnAHomeLinkStillCarriesTheToneAndShowsTheLoss() throws Exception {
        net = SimulatedInternet.create(NatKind.ENDPOINT_INDEPENDENT, NatKind.ENDPOINT_INDEPENDENT);
        net.loseIncoming(net.home(1), 0.10);
        PublicServices.coturn(net, SECRET, dir);
        PublicServices.relay(net, List.of("--stun", PublicServices.stunUrl()));
        List<String> routes = List.of("--route-every", "2000");
        ChildPeer p1 = peer(net.home(1), "h1", TONE_1, routes);
        ChildPeer p2 = peer(net.home(2), "h2", TONE_2, routes);
        assertHearEachOther(p1, p2);
        // Only what reaches home 1 is dropped: h1 reports the loss (Opus FEC hides it from the ear), h2 none.
        double h1Loss = lastLoss(p1, "h2");
        double h2Loss = lastLoss(p2, "h1");
        assertTrue(h1Loss >= 4 && h1Loss <= 20, "h1 shows about 10 % loss, showed " + h1Loss);
        assertTrue(h2Loss < 2, "h2 shows no loss, showed " + h2Loss);
    }

    @Test
    void coturnRefusesExpiredRestCredentialsAndAcceptsFreshOnes() throws Exception {
        net = SimulatedInternet.create(NatKind.ENDPOINT_INDEPENDENT, NatKind.ENDPOINT_INDEPENDENT);
        ChildPeer coturn = PublicServices.coturn(net, SECRET, dir);
        PublicServices.relay(net, List.of()); // credentials given by hand, as a TURN operator would
        long now = System.currentTimeMillis() / 1000;
        ChildPeer old1 = peer(net.home(1), "h1", TONE_1, "expired", turnOnly("h1", now - 60));
        ChildPeer old2 = peer(net.home(2), "h2", TONE_2, "expired", turnOnly("h2", now - 60));
        old1.awaitLine("\\+ h2 joined|1 other already here", TIMEOUT);
        Awaitility.await("no TURN allocation with expired credentials").during(Duration.ofSeconds(20))
                .atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofMillis(200))
                .until(() -> old1.find(l -> l.contains("h2: connected")).isEmpty()
                        && old2.find(l -> l.contains("h1: connected")).isEmpty());
        // The same HMAC scheme with a past EXPIRY: coturn does not accept the user at all.
        coturn.awaitLine("check_stun_auth: Cannot find credentials of user <" + (now - 60) + ":h1>", TIMEOUT);
        old1.close();
        old2.close();

        ChildPeer p1 = peer(net.home(1), "h1", TONE_1, "fresh", turnOnly("h1", now + 600));
        ChildPeer p2 = peer(net.home(2), "h2", TONE_2, "fresh", turnOnly("h2", now + 600));
        assertHearEachOther(p1, p2);
        p1.awaitLine("h2: route via relay server \\(TURN\\) \\[relay/relay udp\\]", TIMEOUT);
    }

    @Test
    void aLongCallThroughTurnIsRepairedWithRefreshedCredentials() throws Exception {
        net = SimulatedInternet.create(NatKind.SYMMETRIC, NatKind.SYMMETRIC);
        ChildPeer coturn = PublicServices.coturn(net, SECRET, dir);
        PublicServices.relay(net, List.of("--turn", PublicServices.turnUrl("udp"), "--turn-secret", SECRET,
                "--turn-ttl-seconds", "20"));
        List<String> longCall = List.of("--seconds", "75", "--verbose");
        ChildPeer p1 = peer(net.home(1), "h1", TONE_1, longCall);
        ChildPeer p2 = peer(net.home(2), "h2", TONE_2, longCall);
        p1.awaitLine("h2: connected", TIMEOUT);
        p2.awaitLine("h1: connected", TIMEOUT);
        // Each peer refreshes at 80 % of the 20 s lifetime: by the third set, the join's credentials
        // have expired (coturn refuses them for any new allocation).
        for (ChildPeer p : List.of(p1, p2)) {
            Awaitility.await(p.label() + " refreshed its TURN credentials twice").atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> p.lines().stream().filter(l -> l.contains("ICE servers from the relay")).count() >= 3);
        }
        // The TURN server restarts: every allocation is gone, the call must be rebuilt through TURN.
        int m1 = p1.mark();
        int m2 = p2.mark();
        coturn.close();
        PublicServices.coturn(net, SECRET, dir);
        p1.awaitLine("h2: reconnecting", TIMEOUT, m1);
        p1.awaitLine("h2: connected", TIMEOUT, m1);
        p2.awaitLine("h1: connected", TIMEOUT, m2);
        p1.awaitLine("h2: route via relay server \\(TURN\\)", TIMEOUT, m1);
        int back1 = p1.mark();
        int back2 = p2.mark();
        p1.awaitLine("levels: h2 0\\.[1-9]\\d* \\(speaking\\)", TIMEOUT, back1);
        p2.awaitLine("levels: h1 0\\.[1-9]\\d* \\(speaking\\)", TIMEOUT, back2);
        for (ChildPeer p : List.of(p1, p2)) {
            assertTrue(p.awaitExit(TIMEOUT), p.label() + " ends after --seconds");
            assertEquals(0, p.process().exitValue(), p.label() + " exit code; output: " + p.lines());
        }
        // The TURN server restarted about 35 s into the 75 s call: after 50 s the other home must be
        // heard again for a good part of the rest (not only the silence of leaving at the end).
        for (String name : List.of("h1", "h2")) {
            short[] heard = WavReader.read(dir.resolve(name + ".wav"));
            double other = name.equals("h1") ? TONE_2 : TONE_1;
            int window = Pcm.SAMPLE_RATE / 2;
            int windowsWithTone = 0;
            for (int start = 50 * Pcm.SAMPLE_RATE; start + window <= heard.length; start += window) {
                if (Goertzel.amplitude(heard, start, window, other, Pcm.SAMPLE_RATE) > 0.05) {
                    windowsWithTone++;
                }
            }
            assertTrue(windowsWithTone >= 20, name + " heard the other home for " + windowsWithTone / 2.0
                    + " s after the 50th second; expected at least 10 s");
        }
    }

    /** A hand-made coturn REST credential (EXPIRY:NAME, HMAC-SHA1 with the shared secret), relay candidates only. */
    private static List<String> turnOnly(String name, long expiry) throws Exception {
        String username = expiry + ":" + name;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        String password = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal(username.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return List.of("--ice-server", PublicServices.turnUrl("udp"), "--ice-username", username,
                "--ice-password", password, "--relay-candidates-only");
    }

    /** The loss figure of the last route line {@code p} printed for {@code other}. */
    private static double lastLoss(ChildPeer p, String other) {
        java.util.regex.Pattern loss = java.util.regex.Pattern.compile(other + ": route .*, (\\d+\\.\\d) % loss");
        double last = -1;
        for (String line : p.lines()) {
            java.util.regex.Matcher m = loss.matcher(line);
            if (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
        }
        assertTrue(last >= 0, p.label() + " printed a loss figure for " + other);
        return last;
    }

    private ChildPeer peer(Home home, String name, double tone) throws Exception {
        return peer(home, name, tone, List.of());
    }

    private ChildPeer peer(Home home, String name, double tone, List<String> extra) throws Exception {
        return peer(home, name, tone, "nat demo", extra);
    }

    private ChildPeer peer(Home home, String name, double tone, String room, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("join", "--relay", PublicServices.relayUrl(), "--room", room,
                "--name", name, "--tone", Double.toString(tone), "--record", dir.resolve(name + ".wav").toString(),
                "--levels-every", "500"));
        if (!extra.contains("--seconds")) {
            args.addAll(List.of("--seconds", "25"));
        }
        args.addAll(extra);
        ChildPeer peer = net.startJava(home.host(), name, Main.class.getName(), args);
        peer.awaitLine("joined room \"" + room + "\" as " + name, TIMEOUT);
        return peer;
    }

    /** Both connect, both hear the other's tone (and never their own) in their recordings, both exit 0. */
    private void assertHearEachOther(ChildPeer p1, ChildPeer p2) throws Exception {
        assertAllHearEachOther(List.of(p1, p2), new double[] {TONE_1, TONE_2});
    }

    /**
     * Every pair connects and stays connected; every peer's recording holds, in one half second, all
     * the others' tones and not its own; every peer exits 0. Peer i is named h(i+1) and sends tones[i].
     */
    private void assertAllHearEachOther(List<ChildPeer> peers, double[] tones) throws Exception {
        for (int i = 0; i < peers.size(); i++) {
            for (int j = 0; j < peers.size(); j++) {
                if (i != j) {
                    peers.get(i).awaitLine("h" + (j + 1) + ": connected", TIMEOUT);
                }
            }
        }
        for (ChildPeer p : peers) {
            assertTrue(p.awaitExit(TIMEOUT), p.label() + " ends after --seconds");
            assertEquals(0, p.process().exitValue(), p.label() + " exit code; output: " + p.lines());
            p.awaitLine("recorded to", TIMEOUT);
        }
        for (int i = 0; i < peers.size(); i++) {
            for (int j = 0; j < peers.size(); j++) {
                if (i != j) {
                    assertStayedConnected(peers.get(i), "h" + (j + 1));
                }
            }
            assertHeard(peers.get(i).label(), i, tones);
        }
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

    private void assertHeard(String name, int self, double[] tones) throws Exception {
        short[] heard = WavReader.read(dir.resolve(name + ".wav"));
        int window = Pcm.SAMPLE_RATE / 2;
        boolean found = false;
        for (int start = 0; start + window <= heard.length && !found; start += window / 2) {
            boolean all = true;
            for (int j = 0; j < tones.length; j++) {
                double amplitude = Goertzel.amplitude(heard, start, window, tones[j], Pcm.SAMPLE_RATE);
                all &= j == self ? amplitude < 0.01 : amplitude > 0.05;
            }
            found = all;
        }
        assertTrue(found, name + " heard every other home's tone clearly at once, and not its own");
        assertTrue(Goertzel.amplitude(heard, tones[self]) < 0.01, name + " never hears its own tone");
    }
}
