package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.Pcm;
import chat.free4.audio.ToneGenerator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-peer volume and mute act on what I hear only; the microphone mute on what others hear. */
class LocalVolumeAndMuteTest {

    @Test
    void peerVolumeAndMuteChangeWhatIHearButNotTheLevelShown() {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(440, 0.2));
             HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(880, 0.4))) {
            a.join(relay.uri(), "knobs");
            b.join(relay.uri(), "knobs");
            await().atMost(Duration.ofSeconds(15)).until(() -> a.hears(880) > 0.3);
            // The first crossing can still have the silence before the call in its window:
            // measure full volume over a window that holds only the tone.
            long heardSoFar = a.samplesFrom(b);
            await().atMost(Duration.ofSeconds(5)).until(() -> a.samplesFrom(b) >= heardSoFar + Pcm.SAMPLE_RATE / 2);
            double full = a.hears(880);

            a.engine.setPeerVolume(b.id, 0.5);
            await().atMost(Duration.ofSeconds(5)).until(() -> Math.abs(a.hears(880) - full / 2) < full * 0.1);
            assertHalf(a.hearsFromOverNextHalfSecond(b, 880), full);
            await().atMost(Duration.ofSeconds(5)).until(() -> peerView(a, b).volume() == 0.5);

            a.engine.setPeerMuted(b.id, true);
            await().atMost(Duration.ofSeconds(5)).until(() -> a.hears(880) < 0.005 && peerView(a, b).muted());
            double muted = a.hearsFromOverNextHalfSecond(b, 880);
            assertTrue(muted < 0.005, "b stays silent for a while muted: " + muted);
            // The level still shows what b sends (b is speaking), only I do not hear it.
            await().atMost(Duration.ofSeconds(5)).until(() -> peerView(a, b).level() > 0.1);
            assertTrue(b.hears(440) > 0.1, "muting b for me does not change what b hears");

            a.engine.setPeerMuted(b.id, false);
            await().atMost(Duration.ofSeconds(5)).until(() -> Math.abs(a.hears(880) - full / 2) < full * 0.1);
            assertHalf(a.hearsFromOverNextHalfSecond(b, 880), full);
        }
    }

    @Test
    void microphoneMuteSilencesMeForOthers() {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer a = new HeadlessPeer("a", new ToneGenerator(440, 0.3));
             HeadlessPeer b = new HeadlessPeer("b", new ToneGenerator(880, 0.3))) {
            a.join(relay.uri(), "mic");
            b.join(relay.uri(), "mic");
            await().atMost(Duration.ofSeconds(15)).until(() -> b.hears(440) > 0.1 && a.engine.room().selfLevel() > 0.1);

            a.engine.setMicrophoneMuted(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> b.hears(440) < 0.005);
            double muted = b.hearsFromOverNextHalfSecond(a, 440);
            assertTrue(muted < 0.005, "a stays silent for b while muted: " + muted);
            await().atMost(Duration.ofSeconds(5)).until(() -> a.engine.room().micMuted() && a.engine.room().selfLevel() < 0.01);
            assertTrue(a.hears(880) > 0.1, "a still hears b");

            a.engine.setMicrophoneMuted(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> b.hears(440) > 0.1);
        }
    }

    private static void assertHalf(double heard, double full) {
        assertTrue(Math.abs(heard - full / 2) < full * 0.1, "half volume holds: " + heard + " of " + full);
    }

    private static PeerView peerView(HeadlessPeer self, HeadlessPeer other) {
        return self.engine.room().peers().stream().filter(p -> p.id().equals(other.id)).findFirst().orElseThrow();
    }
}
