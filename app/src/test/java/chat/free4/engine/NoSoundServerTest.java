package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.DeviceAudio;
import chat.free4.audio.ToneGenerator;
import chat.free4.audio.VoiceProcessing;
import chat.free4.mesh.MeshConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A Linux desktop with no sound server running (plain ALSA, or a server that crashed): libwebrtc's
 * default Pulse module refuses to start there, so the desktop path asks for ALSA by name. This
 * machine has no sound card (no /dev/snd), so ALSA lists nothing: the person is told exactly
 * that, in words, and is in the room without sound rather than not at all. (Sound through a real
 * ALSA card needs one: snd-dummy or snd-aloop, which this VM's kernel lacks.)
 */
class NoSoundServerTest {

    @Test
    void withoutASoundServerAlsaIsTriedAndThePersonIsToldWhatIsMissing() {
        Path socket = Path.of(System.getenv("PULSE_SERVER").substring("unix:".length()));
        assertFalse(Files.exists(socket), "no sound server is running for this test: " + socket);
        List<String> notices = new CopyOnWriteArrayList<>();
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer far = new HeadlessPeer("far", new ToneGenerator(440, 0.3));
             HeadlessPeer desk = new HeadlessPeer("desk", heard -> new DeviceAudio(heard, VoiceProcessing.none(), notices::add),
                     MeshConfig.defaults())) {
            far.join(relay.uri(), "quiet");
            desk.join(relay.uri(), "quiet");
            await().atMost(Duration.ofSeconds(20)).until(() -> far.connectedTo(desk) && desk.connectedTo(far));
            String told = notices.stream().filter(n -> !n.isEmpty()).findFirst().orElse("(nothing)");
            assertTrue(told.contains("ALSA lists no sound card"), "the person is told what is missing: " + told);
            assertFalse(told.contains("Exception") || told.contains("failed"), "in words: " + told);
        }
    }
}
