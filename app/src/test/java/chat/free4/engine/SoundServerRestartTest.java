package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.DeviceAudio;
import chat.free4.audio.Goertzel;
import chat.free4.audio.ToneGenerator;
import chat.free4.audio.VoiceProcessing;
import chat.free4.mesh.MeshConfig;
import chat.free4.testaudio.PrivatePulseServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sound server goes away in the middle of a call and comes back, as when PulseAudio or
 * PipeWire is restarted (a crash, an update, {@code pulseaudio -k}). The person is told in words
 * while it is gone, and the call's sound comes back by itself, both ways, without leaving the room.
 */
class SoundServerRestartTest {
    private static final double MIC_TONE = 660;
    private static final double FAR_TONE = 440;
    private static final double PRESENT = 0.05;
    private static final List<String> DEVICES = List.of(
            "load-module module-null-sink sink_name=spk rate=48000",
            "load-module module-sine-source source_name=mic frequency=" + (int) MIC_TONE + " rate=48000");
    private PrivatePulseServer pulse;

    @AfterEach
    void stopSoundServer() {
        if (pulse != null) {
            pulse.close();
        }
    }

    private double speaker() {
        short[] played = pulse.record("spk.monitor", 0.5);
        return Goertzel.amplitude(played, 0, played.length, FAR_TONE, 48_000);
    }

    @Test
    void theCallsSoundComesBackWhenTheSoundServerRestarts() {
        pulse = PrivatePulseServer.start(DEVICES, "spk", "mic");
        List<String> notices = new CopyOnWriteArrayList<>();
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer far = new HeadlessPeer("far", new ToneGenerator(FAR_TONE, 0.3));
             HeadlessPeer desk = new HeadlessPeer("desk", heard -> new DeviceAudio(heard, VoiceProcessing.none(), notices::add),
                     MeshConfig.defaults())) {
            far.join(relay.uri(), "restart");
            desk.join(relay.uri(), "restart");
            await().atMost(Duration.ofSeconds(20)).until(() -> far.connectedTo(desk) && desk.connectedTo(far));
            await().atMost(Duration.ofSeconds(10)).until(() -> far.hears(MIC_TONE) > PRESENT && speaker() > PRESENT);

            pulse.close();
            pulse = null;
            await("the person is told the sound stopped").atMost(Duration.ofSeconds(15))
                    .until(() -> notices.stream().anyMatch(n -> n.contains("sound server")));
            String told = notices.stream().filter(n -> n.contains("sound server")).findFirst().orElseThrow();
            assertFalse(told.contains("Exception") || told.contains("pa_"), "told in words: " + told);

            pulse = PrivatePulseServer.start(DEVICES, "spk", "mic");
            await("the far peer hears the microphone again").atMost(Duration.ofSeconds(20))
                    .until(() -> far.hears(MIC_TONE) > PRESENT);
            await("the speaker plays the far peer again").atMost(Duration.ofSeconds(20))
                    .until(() -> speaker() > PRESENT);
            await("the problem is cleared").atMost(Duration.ofSeconds(10))
                    .until(() -> desk.audio instanceof DeviceAudio d && d.problem().isEmpty());
            assertTrue(desk.connectedTo(far), "the call itself stayed up");
        }
    }
}
