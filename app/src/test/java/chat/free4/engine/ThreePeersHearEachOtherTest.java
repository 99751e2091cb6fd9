package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.ToneGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Three headless peers through a real relay each hear the other two tones and not their own. */
class ThreePeersHearEachOtherTest {
    private static final double PRESENT = 0.05;
    private static final double ABSENT = 0.01;

    @Test
    void twoPeersHearEachOther() {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer a = new HeadlessPeer("alice", new ToneGenerator(440, 0.3));
             HeadlessPeer b = new HeadlessPeer("bob", new ToneGenerator(880, 0.3))) {
            a.join(relay.uri(), "duo");
            b.join(relay.uri(), "duo");
            await().atMost(Duration.ofSeconds(15)).until(() -> a.connectedTo(b) && b.connectedTo(a));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertTrue(a.hears(880) > PRESENT, "alice hears bob's 880 Hz: " + a.hears(880));
                assertTrue(b.hears(440) > PRESENT, "bob hears alice's 440 Hz: " + b.hears(440));
            });
            assertTrue(a.hears(440) < ABSENT, "alice does not hear herself: " + a.hears(440));
            assertTrue(b.hears(880) < ABSENT, "bob does not hear himself: " + b.hears(880));
        }
    }

    @Test
    void threePeersEachHearTheOtherTwoTonesAndNotTheirOwn() {
        double[] tones = {440, 660, 880};
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(tones[0], 0.2));
             HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(tones[1], 0.2));
             HeadlessPeer c = new HeadlessPeer("c", new ToneGenerator(tones[2], 0.2))) {
            HeadlessPeer[] peers = {a, b, c};
            for (HeadlessPeer p : peers) {
                p.join(relay.uri(), "trio");
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> a.connectedTo(b, c) && b.connectedTo(a, c) && c.connectedTo(a, b));
            for (int i = 0; i < peers.length; i++) {
                HeadlessPeer listener = peers[i];
                int self = i;
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    for (int j = 0; j < tones.length; j++) {
                        if (j != self) {
                            assertTrue(listener.hears(tones[j]) > PRESENT,
                                    listener.name + " hears " + tones[j] + " Hz: " + listener.hears(tones[j]));
                            assertTrue(listener.hearsFrom(peers[j], tones[j]) > PRESENT,
                                    listener.name + " hears " + tones[j] + " Hz from " + peers[j].name);
                        }
                    }
                });
                assertTrue(listener.hears(tones[self]) < ABSENT,
                        listener.name + " does not hear its own " + tones[self] + " Hz: " + listener.hears(tones[self]));
            }
            for (HeadlessPeer p : peers) {
                assertTrue(p.engine.openConnections() == 2, p.name + " holds one connection per other peer");
                assertTrue(p.errors.isEmpty(), p.name + " reported no errors: " + p.errors);
            }
        }
    }
}
