package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.AudioDeviceInfo;
import chat.free4.audio.DeviceAudio;
import chat.free4.audio.Goertzel;
import chat.free4.audio.ToneGenerator;
import chat.free4.audio.VoiceProcessing;
import chat.free4.mesh.MeshConfig;
import chat.free4.testaudio.PipeMicrophone;
import chat.free4.testaudio.PrivatePipeWireServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The desktop audio path on PipeWire, the default sound server of current desktops (through its
 * Pulse server, as the app talks to it): a private PipeWire whose microphone is a pipe source fed
 * a 660 Hz tone and whose speakers are null sinks. A headless peer sends 440 Hz through a relay.
 */
class DesktopAudioThroughPipeWireTest {
    private static final double MIC_TONE = 660;
    private static final double FAR_TONE = 440;
    private static final double PRESENT = 0.05;
    private PrivatePipeWireServer pipewire;
    private PipeMicrophone microphone;

    @AfterEach
    void stop() throws Exception {
        if (microphone != null) {
            microphone.close();
        }
        if (pipewire != null) {
            pipewire.close();
        }
    }

    private double speaker(String sink, double frequency) {
        short[] played = pipewire.record(sink + ".monitor", 0.5);
        return Goertzel.amplitude(played, 0, played.length, frequency, 48_000);
    }

    @Test
    void theRoomHearsTheMicrophoneAndTheChosenSpeakerPlaysTheRoom() throws Exception {
        pipewire = PrivatePipeWireServer.start();
        pipewire.loadModule("module-null-sink", "sink_name=spk", "rate=48000", "sink_properties=device.description=Speakers");
        pipewire.loadModule("module-null-sink", "sink_name=usb", "rate=48000", "sink_properties=device.description=USB-Headset");
        java.nio.file.Path pipe = pipewire.directory().resolve("mic.fifo");
        java.nio.file.Files.deleteIfExists(pipe);
        pipewire.loadModule("module-pipe-source", "source_name=mic", "file=" + pipe, "format=s16le", "rate=48000", "channels=1");
        pipewire.setDefaults("spk", "mic");
        microphone = new PipeMicrophone(pipe, new ToneGenerator(MIC_TONE, 0.3));

        List<String> notices = new CopyOnWriteArrayList<>();
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer far = new HeadlessPeer("far", new ToneGenerator(FAR_TONE, 0.3));
             HeadlessPeer desk = new HeadlessPeer("desk", heard -> new DeviceAudio(heard, VoiceProcessing.none(), notices::add),
                     MeshConfig.defaults())) {
            far.join(relay.uri(), "pipewire");
            desk.join(relay.uri(), "pipewire");
            await().atMost(Duration.ofSeconds(20)).until(() -> far.connectedTo(desk) && desk.connectedTo(far));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertTrue(far.hears(MIC_TONE) > PRESENT, "the far peer hears the microphone: " + far.hears(MIC_TONE)));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertTrue(speaker("spk", FAR_TONE) > PRESENT, "the speaker plays the far peer: " + speaker("spk", FAR_TONE)));
            assertTrue(notices.stream().allMatch(String::isEmpty), "no sound problem reported: " + notices);

            // The device list comes from PipeWire by the names a person knows; choosing one moves the call there.
            DeviceAudio audio = (DeviceAudio) desk.audio;
            await().atMost(Duration.ofSeconds(10)).until(() -> audio.outputs().stream().anyMatch(d -> d.name().equals("USB-Headset")));
            AudioDeviceInfo headset = audio.outputs().stream().filter(d -> d.name().equals("USB-Headset")).findFirst().orElseThrow();
            audio.selectOutput(headset);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertTrue(speaker("usb", FAR_TONE) > PRESENT, "the chosen headset plays the far peer: " + speaker("usb", FAR_TONE) + pipewire.pactl("list", "sink-inputs").lines().filter(l -> l.contains("Sink") || l.contains("process.id") || l.contains("target") || l.contains("media.name") || l.contains("node.name") || l.contains("dont-move")).toList()));
        }
    }
}
