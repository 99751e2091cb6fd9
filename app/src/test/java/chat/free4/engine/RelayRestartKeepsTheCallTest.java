package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.Pcm;
import chat.free4.audio.ToneGenerator;
import chat.free4.signaling.SignalingState;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relay only carries signaling: when it restarts mid-call, connected peers keep talking, and
 * they re-join (with the same ids, no duplicates) as soon as it is back; newcomers then connect.
 */
class RelayRestartKeepsTheCallTest {

    @ParameterizedTest(name = "relay on {0}")
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void audioKeepsFlowingAndPeersRejoin(String bind) {
        try (TestRelay relay = TestRelay.start(bind);
             HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(440, 0.2));
             HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(660, 0.2));
             HeadlessPeer c = new HeadlessPeer("c", new ToneGenerator(880, 0.2))) {
            a.join(relay.uri(), "sturdy");
            b.join(relay.uri(), "sturdy");
            await().atMost(Duration.ofSeconds(15)).until(() -> a.connectedTo(b) && b.connectedTo(a));
            await().atMost(Duration.ofSeconds(10)).until(() -> a.hears(660) > 0.05 && b.hears(440) > 0.05);

            relay.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> a.engine.room().signaling() == SignalingState.RECONNECTING
                    && b.engine.room().signaling() == SignalingState.RECONNECTING);
            long before = a.samplesFrom(b);
            // A full second of fresh audio while the relay is down.
            await().atMost(Duration.ofSeconds(10)).until(() -> a.samplesFrom(b) - before > Pcm.SAMPLE_RATE);
            assertTrue(a.hears(660) > 0.05 && b.hears(440) > 0.05, "audio keeps flowing without the relay");
            assertTrue(a.connectedTo(b) && b.connectedTo(a), "still connected without the relay");

            relay.startAgain();
            await().atMost(Duration.ofSeconds(15)).until(() -> a.engine.room().signaling() == SignalingState.JOINED
                    && b.engine.room().signaling() == SignalingState.JOINED);
            assertEquals(a.id, a.engine.room().selfId(), "re-joined with the same id");
            assertEquals(1, a.engine.room().peers().size(), "no duplicate peers after the re-join");
            assertEquals(1, a.engine.openConnections(), "the existing connection was kept");
            assertEquals(1, b.engine.openConnections(), "the existing connection was kept");
            assertTrue(a.connectedTo(b) && b.connectedTo(a));

            c.join(relay.uri(), "sturdy");
            await().atMost(Duration.ofSeconds(15)).until(() -> c.connectedTo(a, b) && a.connectedTo(c) && b.connectedTo(c));
            await().atMost(Duration.ofSeconds(10)).until(() -> c.hears(440) > 0.05 && c.hears(660) > 0.05
                    && a.hears(880) > 0.05 && b.hears(880) > 0.05);
            assertEquals(2, a.engine.openConnections());
        }
    }
}
