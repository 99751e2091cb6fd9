package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.Goertzel;
import chat.free4.audio.ToneGenerator;
import chat.free4.engine.HeadlessPeer;
import chat.free4.relay.RelayServer;
import chat.free4.relay.config.RelayConfig;
import chat.free4.testaudio.PrivatePulseServer;
import chat.free4.ui.settings.AudioPreferences;
import chat.free4.ui.settings.Settings;
import chat.free4.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person's controls in the room act on the sound card (issue 20: volume was only measured on
 * the headless path). The app runs its own audio path on a private PulseAudio server; Bob sends
 * 440 Hz. His mute button in the list silences him on the app's speaker, and his volume slider,
 * moved by keyboard as a person can, takes him to silence (Home) and above his normal level (End).
 * Every reading is a fresh half second recorded from the speaker after the change.
 */
class PerPersonVolumeOnTheSoundCardTest {
    private static final double BOB_TONE = 440;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path configDir;
    private PrivatePulseServer pulse;
    private RelayServer relay;
    private DesktopAppHarness ui;
    private HeadlessPeer bob;

    @AfterEach
    void stop() throws Exception {
        try {
            if (ui != null) {
                ui.close();
            }
        } finally {
            if (bob != null) {
                bob.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (pulse != null) {
                pulse.close();
            }
        }
    }

    @Test
    void bobsMuteButtonAndVolumeSliderChangeWhatTheSpeakerPlaysOfHim() throws Exception {
        pulse = PrivatePulseServer.start(List.of(
                "load-module module-null-sink sink_name=spk rate=48000 sink_properties=device.description=Speakers",
                "load-module module-sine-source source_name=mic frequency=660 rate=48000"),
                "spk", "mic");
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        new SettingsStore(configDir).save(Settings.defaults()
                .withSound(AudioPreferences.defaults().withProcessing(false, false, false)));
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir), false,
                Optional.of("Ada"), Optional.of("knobs"), false));
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));

        bob = new HeadlessPeer("Bob", new ToneGenerator(BOB_TONE, 0.3));
        bob.join(relay.uri(), "knobs");
        String cell = "#participant-" + bob.id.value();
        await().atMost(WAIT).until(() -> ui.exists(cell));
        double normal = await().atMost(WAIT).until(this::speaker, level -> level > 0.05);

        ui.robot.clickOn(cell + " .toggle-button");
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.room().participants().get(0).locallyMutedProperty().get()));
        await().atMost(WAIT).untilAsserted(() -> assertTrue(speaker() < 0.005, "Bob muted for me: " + speaker()));
        ui.robot.clickOn(cell + " .toggle-button");
        await().atMost(WAIT).untilAsserted(() -> assertTrue(speaker() > normal * 0.7, "Bob back: " + speaker() + " vs " + normal));

        ui.robot.clickOn(cell + " .slider");
        ui.robot.type(KeyCode.HOME);
        await().atMost(WAIT).untilAsserted(() -> assertTrue(speaker() < 0.005, "Bob's slider at its foot: " + speaker()));
        ui.robot.type(KeyCode.END);
        await().atMost(WAIT).untilAsserted(() -> assertTrue(speaker() > normal * 1.5,
                "Bob's slider at its top plays him louder than normal: " + speaker() + " vs " + normal));
    }

    /** Bob's tone in half a second of the speaker, recorded from now on. */
    private double speaker() {
        short[] played = pulse.record("spk.monitor", 0.5);
        return Goertzel.amplitude(played, 0, played.length, BOB_TONE, 48_000);
    }
}
