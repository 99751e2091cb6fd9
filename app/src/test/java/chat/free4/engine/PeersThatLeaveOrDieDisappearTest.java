package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.ToneGenerator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer that leaves, or whose process is killed, vanishes from the others' rooms and connections. */
class PeersThatLeaveOrDieDisappearTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aPeerThatLeavesDisappearsAndItsConnectionsAreClosed() {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(440, 0.2));
             HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(660, 0.2));
             HeadlessPeer c = new HeadlessPeer("c", new ToneGenerator(880, 0.2))) {
            for (HeadlessPeer p : List.of(a, b, c)) {
                p.join(relay.uri(), "leavers");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> a.connectedTo(b, c) && b.connectedTo(a, c) && c.connectedTo(a, b));
            await().atMost(BOUND).until(() -> a.hears(880) > 0.05 && b.hears(880) > 0.05);

            c.engine.leave().join();

            await().atMost(BOUND).until(() -> !a.knows(c) && !b.knows(c));
            assertEquals(1, a.engine.openConnections(), "a closed its connection to c");
            assertEquals(1, b.engine.openConnections(), "b closed its connection to c");
            assertEquals(0, c.engine.openConnections(), "c closed all of its own");
            await().atMost(BOUND).until(() -> a.hears(880) < 0.01 && b.hears(880) < 0.01);
            assertTrue(a.hears(660) > 0.05 && b.hears(440) > 0.05, "a and b still hear each other");
        }
    }

    @Test
    void aKilledPeerProcessDisappears() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(440, 0.2));
             HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(660, 0.2))) {
            a.join(relay.uri(), "victims");
            b.join(relay.uri(), "victims");
            Process child = startCliPeer(relay.uri().toString(), "victims", "doomed", 880);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> a.hears(880) > 0.05 && b.hears(880) > 0.05);
                assertEquals(2, a.engine.openConnections());
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                await().atMost(BOUND).until(() -> a.engine.room().peers().size() == 1 && b.engine.room().peers().size() == 1);
                assertTrue(a.knows(b) && b.knows(a), "a and b keep each other");
                assertEquals(1, a.engine.openConnections(), "a closed the dead peer's connection");
                assertEquals(1, b.engine.openConnections(), "b closed the dead peer's connection");
                await().atMost(Duration.ofSeconds(2)).until(() -> a.hears(880) < 0.01 && b.hears(880) < 0.01);
            } finally {
                child.destroyForcibly();
            }
        }
    }

    /** The command-line peer in a child JVM (same network namespace, same classpath). */
    private Process startCliPeer(String relay, String room, String name, int tone) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dir.resolve(name + ".log");
        Files.createFile(log);
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "chat.free4.Main", "join",
                "--relay", relay, "--room", room, "--name", name, "--tone", Integer.toString(tone), "--seconds", "120")
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File(".")).start();
    }
}
