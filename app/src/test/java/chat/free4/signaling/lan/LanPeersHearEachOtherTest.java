package chat.free4.signaling.lan;

import chat.free4.Main;
import chat.free4.audio.Goertzel;
import chat.free4.audio.Pcm;
import chat.free4.audio.WavReader;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three headless peers ({@code free4chat join --lan}), each on its own simulated host, with no
 * relay anywhere: they find each other by mDNS, connect directly, and each hears the other two
 * tones and never its own (checked by frequency in their recordings). A watching
 * {@code free4chat rooms --lan --watch} lists the room; the peer that leaves is withdrawn from the
 * list and from the others' mesh. Each peer stays until it is sent SIGTERM (Ctrl-C), which must end
 * it with its goodbye said and its recording closed, whatever the machine's speed.
 */
class LanPeersHearEachOtherTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine
    /** The goodbye took about 0.25 s; well under the 120 s TTL that would withdraw a member without one. */
    private static final Duration GOODBYE = Duration.ofSeconds(20);
    /** The last lines of a JVM that has ended are still in the pipe for a moment. */
    private static final Duration OUTPUT_DRAINED = Duration.ofSeconds(5);
    private static final double[] TONES = {440, 660, 880};

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(4);

    @TempDir
    Path dir;

    @Test
    void threeLanPeersHearEachOtherAndALeaverIsWithdrawn() throws Exception {
        SimulatedLan lan = lanExtension.get();
        // The watcher's port probe waits an hour, so only a goodbye can withdraw a member within GOODBYE
        // (the records' TTL is 120 s): a broken goodbye fails here instead of being covered by the probe.
        ChildPeer observer = lan.start(lan.host(3), "rooms", Main.class.getName(),
                List.of("rooms", "--lan", "--watch", "--interface", "lan0"),
                java.util.Map.of("JAVA_TOOL_OPTIONS", "-Dfree4chat.lan.memberProbeMillis=3600000"));
        observer.awaitLine("watching LAN rooms on lan0", TIMEOUT);

        List<ChildPeer> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // No --seconds: each peer stays until the test tells it to leave, as Ctrl-C does.
            ChildPeer peer = lan.start(lan.host(i), "p" + i, Main.class.getName(), List.of("join", "--lan",
                    "--interface", "lan0", "--room", "lan demo", "--name", "p" + i, "--tone", Double.toString(TONES[i]),
                    "--record", dir.resolve("p" + i + ".wav").toString(), "--levels-every", "500"));
            peer.awaitLine("joined room \"lan demo\" as p" + i, TIMEOUT);
            peers.add(peer);
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != j) {
                    peers.get(i).awaitLine("p" + j + ": connected", TIMEOUT);
                }
            }
        }
        observer.awaitLine("rooms: lan demo \\(3: p0, p1, p2\\)", TIMEOUT);
        ChildPeer lister = lan.start(lan.host(3), "list", Main.class.getName(),
                List.of("rooms", "--lan", "--interface", "lan0", "--wait", "1500"));
        assertTrue(lister.awaitExit(TIMEOUT), "rooms --lan lists once and ends");
        assertEquals(0, lister.process().exitValue(), lister.lines().toString());
        lister.awaitLine("^lan demo +3 people  p0, p1, p2$", TIMEOUT);
        for (int i = 0; i < 3; i++) {
            awaitHearingBothOthers(peers.get(i), i);
        }

        int beforeLeave = observer.mark();
        leaveWithCtrlC(peers.get(2));
        peers.get(0).awaitLine("- p2 left", TIMEOUT);
        peers.get(1).awaitLine("- p2 left", TIMEOUT);
        observer.awaitLine("rooms: lan demo \\(2: p0, p1\\)", GOODBYE, beforeLeave);

        leaveWithCtrlC(peers.get(0));
        leaveWithCtrlC(peers.get(1));
        // After beforeLeave the room had three people: a "no rooms" from before anyone joined does not count.
        observer.awaitLine("rooms: no rooms", GOODBYE, beforeLeave);

        for (int i = 0; i < 3; i++) {
            short[] heard = WavReader.read(dir.resolve("p" + i + ".wav"));
            assertTrue(heardBothOthersTogether(heard, i), "p" + i + " heard the two other tones at once");
            assertTrue(Goertzel.amplitude(heard, TONES[i]) < 0.01, "p" + i + " never hears its own tone");
        }
    }

    /** Two level lines, half a second apart, in which this peer hears both others speaking. */
    private static void awaitHearingBothOthers(ChildPeer peer, int self) {
        // Either order: the line lists people as this peer met them.
        StringBuilder bothSpeaking = new StringBuilder("levels: ");
        for (int j = 0; j < 3; j++) {
            if (j != self) {
                bothSpeaking.append("(?=.*\\bp").append(j).append(" \\d\\.\\d{3} \\(speaking\\))");
            }
        }
        int first = peer.mark();
        peer.awaitLine(bothSpeaking.toString(), TIMEOUT, first);
        int second = peer.mark();
        peer.awaitLine(bothSpeaking.toString(), TIMEOUT, second);
    }

    /** SIGTERM, as Ctrl-C: the peer says goodbye, closes its recording and ends with the signal's code. */
    private static void leaveWithCtrlC(ChildPeer peer) throws InterruptedException {
        int beforeSignal = peer.mark();
        peer.terminate();
        assertTrue(peer.awaitExit(TIMEOUT), peer.label() + " ends on SIGTERM");
        assertEquals(143, peer.process().exitValue(), peer.label() + " exit code (128 + SIGTERM); output: " + peer.lines());
        peer.awaitLine("left the room$", OUTPUT_DRAINED, beforeSignal);
        peer.awaitLine("recorded to ", OUTPUT_DRAINED, beforeSignal);
    }

    /** Some half second of the recording holds both other tones clearly and not this peer's own. */
    private static boolean heardBothOthersTogether(short[] heard, int self) {
        int window = Pcm.SAMPLE_RATE / 2;
        for (int start = 0; start + window <= heard.length; start += window / 2) {
            boolean all = true;
            for (int j = 0; j < TONES.length; j++) {
                double amplitude = Goertzel.amplitude(heard, start, window, TONES[j], Pcm.SAMPLE_RATE);
                all &= j == self ? amplitude < 0.01 : amplitude > 0.05;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
