package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.DeviceAudio;
import chat.free4.audio.ToneGenerator;
import chat.free4.audio.VoiceProcessing;
import chat.free4.mesh.MeshConfig;
import chat.free4.testaudio.PrivatePulseServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person on laptop speakers: the desktop app's microphone picks up its own speaker (the
 * microphone is the speaker's monitor). Without echo cancellation the far peer hears its own
 * tone come back; with it, at least 20 dB less.
 */
class EchoCancellationThroughPulseAudioTest {
    private static final double FAR_TONE = 440;
    private static PrivatePulseServer pulse;

    @BeforeAll
    static void startSoundServer() {
        pulse = PrivatePulseServer.start(List.of(
                "load-module module-null-sink sink_name=spk rate=48000 sink_properties=device.description=Laptop-Speakers"),
                "spk", "spk.monitor");
    }

    @AfterAll
    static void stopSoundServer() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @Test
    void theFarPeerDoesNotHearItselfWithEchoCancellationOn() {
        VoiceProcessing off = new VoiceProcessing(false, false, false);
        VoiceProcessing echoOnly = new VoiceProcessing(true, false, false);
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer far = new HeadlessPeer("far", new ToneGenerator(FAR_TONE, 0.3));
             HeadlessPeer desk = new HeadlessPeer("desk", heard -> new DeviceAudio(heard, off, n -> { }),
                     MeshConfig.defaults())) {
            far.join(relay.uri(), "echo");
            desk.join(relay.uri(), "echo");
            await().atMost(Duration.ofSeconds(20)).until(() -> far.connectedTo(desk) && desk.connectedTo(far));

            AtomicReference<Double> echo = new AtomicReference<>(0.0);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                echo.set(far.hears(FAR_TONE));
                return echo.get() > 0.05;
            });
            double withoutCancelling = echo.get();

            desk.audio.setVoiceProcessing(echoOnly);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                double withCancelling = far.hears(FAR_TONE);
                double db = 20 * Math.log10(withoutCancelling / Math.max(withCancelling, 1e-6));
                assertTrue(db >= 20, "echo " + withCancelling + " vs " + withoutCancelling + " without: " + db + " dB less");
            });
            // It holds: not a moment's dip while the canceller adapts.
            double later = far.hears(FAR_TONE);
            assertTrue(20 * Math.log10(withoutCancelling / Math.max(later, 1e-6)) >= 20, "still cancelled: " + later);
        }
    }
}
