package chat.free4.bench;

import static org.awaitility.Awaitility.await;

import chat.free4.mesh.MeshConfig;
import chat.free4.mesh.MeshLimits;
import chat.free4.mesh.Sdp;
import chat.free4.mesh.TestMesh;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalPayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Native memory per peer connection: webrtc-java 0.14.0 never frees a closed one.
 *
 * <p>{@code churn N}: a hostile peer sends N offers, each with a new SDP session id (as a
 * rebuilt connection has), to a victim mesh; prints the victim's resident set as it goes, how
 * many connections it built, and whether it dropped the peer.
 *
 * <p>{@code reconnects N}: two real meshes connect, then are told N times that the other left and
 * came back, so both build a fresh connection and reach CONNECTED again (what a repair costs).
 *
 * Run inside a network namespace: {@code app/src/test/netns/run-benchmark OfferChurnBenchmark churn 2000}.
 */
public final class OfferChurnBenchmark {
    private static final PeerId VICTIM = new PeerId("vvvvvvvv-victim");
    private static final PeerId ATTACKER = new PeerId("aaaaaaaa-attacker");

    private OfferChurnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "churn";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.out.println("load average at start: " + Load.now());
        if (mode.equals("reconnects")) {
            reconnects(n);
        } else {
            churn(n);
        }
        System.out.println("load average at end: " + Load.now());
        System.exit(0);
    }

    private static void churn(int offers) throws Exception {
        String sdp = realOffer();
        try (TestMesh victim = new TestMesh(VICTIM, config())) {
            victim.joined(List.of(new PeerInfo(ATTACKER, "mallory")), 8);
            double start = settledRssMb();
            System.out.printf(Locale.ROOT, "victim started: RSS %.1f MB%n", start);
            double firstStep = Double.NaN;
            int step = Math.max(1, offers / 8);
            for (int i = 1; i <= offers; i++) {
                victim.signaling.mesh().onSignal(ATTACKER, new SignalPayload.Offer(Sdp.withSessionId(sdp, 1000L + i)));
                if (!victim.removed.contains(ATTACKER)) {
                    int expected = i;
                    // One offer at a time: the next would otherwise replace a connection still being set up.
                    await().atMost(Duration.ofSeconds(30)).until(() -> victim.signaling.answers().size() >= expected
                            || victim.removed.contains(ATTACKER));
                }
                if (i % step == 0 || i == offers) {
                    victim.mesh.openConnections(); // everything sent so far has been handled
                    double rss = settledRssMb();
                    if (Double.isNaN(firstStep)) {
                        firstStep = rss;
                    }
                    System.out.printf(Locale.ROOT, "after %5d offers: RSS %6.1f MB (+%.1f), connections built %d, peer dropped %s%n",
                            i, rss, rss - start, victim.signaling.answers().size(), victim.removed.contains(ATTACKER));
                }
            }
            double end = settledRssMb();
            System.out.printf(Locale.ROOT, "%d offers: +%.1f MB, %.1f KB per offer, %d connections built (%.1f KB each)%n",
                    offers, end - start, (end - start) * 1024 / offers, victim.signaling.answers().size(),
                    (end - start) * 1024 / Math.max(1, victim.signaling.answers().size()));
            System.out.printf(Locale.ROOT, "from offer %d on (heap settled): %.1f KB per offer%n", step,
                    (end - firstStep) * 1024 / Math.max(1, offers - step));
        }
    }

    private static void reconnects(int count) throws Exception {
        try (TestMesh a = new TestMesh(ATTACKER, unlimited()); TestMesh b = new TestMesh(VICTIM, unlimited())) {
            a.signaling.forwardTo((to, payload) -> b.signaling.mesh().onSignal(a.id, payload));
            b.signaling.forwardTo((to, payload) -> a.signaling.mesh().onSignal(b.id, payload));
            a.joined(List.of(new PeerInfo(b.id, "b")), 8);
            b.joined(List.of(new PeerInfo(a.id, "a")), 8);
            await().atMost(Duration.ofSeconds(20)).until(() -> a.connectedTo(b.id) && b.connectedTo(a.id));
            int warmUp = Math.max(5, count / 10);
            for (int i = 0; i < warmUp; i++) {
                reconnect(a, b); // the first ones also settle the heap and thread pools
            }
            System.out.printf(Locale.ROOT, "%d reconnects to warm up%n", warmUp);
            double start = settledRssMb();
            System.out.printf(Locale.ROOT, "pair connected: RSS %.1f MB%n", start);
            int step = Math.max(1, count / 8);
            double firstStep = Double.NaN;
            for (int i = 1; i <= count; i++) {
                reconnect(a, b);
                if (i % step == 0 || i == count) {
                    double rss = settledRssMb();
                    if (Double.isNaN(firstStep)) {
                        firstStep = rss;
                    }
                    System.out.printf(Locale.ROOT, "after %4d reconnects: RSS %6.1f MB (+%.1f)%n", i, rss, rss - start);
                }
            }
            double end = settledRssMb();
            System.out.printf(Locale.ROOT, "%d reconnects (a fresh connection on each side): +%.1f MB, %.1f KB per repaired connection pair%n",
                    count, end - start, (end - start) * 1024 / count);
            // The first full GCs give heap pages back, which hides native growth until then.
            System.out.printf(Locale.ROOT, "from reconnect %d on (heap settled): %.1f KB per repaired connection pair%n", step,
                    (end - firstStep) * 1024 / Math.max(1, count - step));
        }
    }

    /** Both are told the other left and came back: each builds a fresh connection, as in a repair. */
    private static void reconnect(TestMesh a, TestMesh b) {
        a.signaling.mesh().onPeerLeft(b.id);
        b.signaling.mesh().onPeerLeft(a.id);
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.connectedTo(b.id) && !b.connectedTo(a.id));
        b.signaling.mesh().onPeerJoined(new PeerInfo(a.id, "a"));
        a.signaling.mesh().onPeerJoined(new PeerInfo(b.id, "b"));
        await().atMost(Duration.ofSeconds(20)).until(() -> a.connectedTo(b.id) && b.connectedTo(a.id));
    }

    private static MeshConfig config() {
        return MeshConfig.defaults();
    }

    /** Reconnecting as fast as the benchmark does is far over the churn limit, which is not what is measured here. */
    private static MeshConfig unlimited() {
        return MeshConfig.defaults().withLimits(new MeshLimits(8, 1_000_000, 200));
    }

    /** A real offer from a real mesh, to replay with new session ids. */
    private static String realOffer() throws Exception {
        try (TestMesh source = new TestMesh(ATTACKER, MeshConfig.defaults())) {
            source.joined(List.of(new PeerInfo(VICTIM, "victim")), 8);
            await().atMost(Duration.ofSeconds(10)).until(() -> !source.signaling.offers().isEmpty());
            return source.signaling.offers().get(0);
        }
    }

    /** Resident set after a full GC, so heap garbage does not hide native growth. */
    private static double settledRssMb() throws Exception {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
