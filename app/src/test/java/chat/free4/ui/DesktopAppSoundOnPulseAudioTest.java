package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.Goertzel;
import chat.free4.audio.ToneGenerator;
import chat.free4.engine.HeadlessPeer;
import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.RelayServer;
import chat.free4.testaudio.PrivatePulseServer;
import chat.free4.ui.settings.AudioPreferences;
import chat.free4.ui.settings.Settings;
import chat.free4.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app as a person starts it from a shortcut ({@code --name --room --relay}), with its
 * own audio path (no test double): a private PulseAudio server whose microphone is a 660 Hz sine
 * and whose speaker is a null sink. A headless peer in the room sends 440 Hz. The peer hears the
 * app's microphone, the app's speaker plays the peer, and the room bar's deafen button stops both.
 */
class DesktopAppSoundOnPulseAudioTest {
    private static final double MIC_TONE = 660;
    private static final double PEER_TONE = 440;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path configDir;
    private PrivatePulseServer pulse;
    private RelayServer relay;
    private DesktopAppHarness ui;
    private HeadlessPeer peer;

    @AfterEach
    void stop() throws Exception {
        try {
            if (ui != null) {
                ui.close();
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (pulse != null) {
                pulse.close(); // also when closing the app failed: a server left running blocks the next test
            }
        }
    }

    private double speaker(double frequency) {
        short[] played = pulse.record("spk.monitor", 0.5);
        return Goertzel.amplitude(played, 0, played.length, frequency, 48_000);
    }

    @Test
    void theAppOpensStraightIntoTheRoomAndItsSoundCardCarriesTheCall() throws Exception {
        pulse = PrivatePulseServer.start(List.of(
                "load-module module-null-sink sink_name=spk rate=48000 sink_properties=device.description=Speakers",
                "load-module module-sine-source source_name=mic frequency=" + (int) MIC_TONE + " rate=48000"),
                "spk", "mic");
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        // A steady sine is what noise suppression removes: switch processing off, as a person can in Settings.
        new SettingsStore(configDir).save(Settings.defaults()
                .withSound(AudioPreferences.defaults().withProcessing(false, false, false)));

        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir), false,
                Optional.of("Ada"), Optional.of("kitchen"), false));
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));
        assertEquals("kitchen", ui.text("#room-name"), "the app opened straight into the room from its command line");
        assertEquals("Ada", ui.app.settings().current().displayName(), "--name answered the first-run question");

        // Settings lists the sound server's devices by the names a person knows, and a headset
        // plugged in later shows up without a restart.
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.settings().outputDevices().contains("Speakers")
                && ui.app.settings().inputDevices().stream().anyMatch(d -> d.contains("660 Hz"))));
        pulse.loadModule("module-null-sink", "sink_name=usb", "rate=48000", "sink_properties=device.description=USB-Headset");
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.settings().outputDevices().contains("USB-Headset")));

        peer = new HeadlessPeer("Bob", new ToneGenerator(PEER_TONE, 0.3));
        peer.join(relay.uri(), "kitchen");
        await().atMost(WAIT).untilAsserted(() ->
                assertTrue(peer.hears(MIC_TONE) > 0.05, "the peer hears the app's microphone: " + peer.hears(MIC_TONE)));
        await().atMost(WAIT).untilAsserted(() ->
                assertTrue(speaker(PEER_TONE) > 0.05, "the app's speaker plays the peer: " + speaker(PEER_TONE)));
        await().atMost(WAIT).until(() -> ui.app.room().micLevelProperty().get() > 0.1);

        ui.click("#self-deafen");
        await().atMost(WAIT).untilAsserted(() -> {
            assertTrue(speaker(PEER_TONE) < 0.01, "deafened: the speaker is silent: " + speaker(PEER_TONE));
            assertTrue(peer.hears(MIC_TONE) < 0.01, "deafened: nothing is sent: " + peer.hears(MIC_TONE));
        });
        ui.click("#self-deafen");
        await().atMost(WAIT).until(() -> speaker(PEER_TONE) > 0.05 && peer.hears(MIC_TONE) > 0.05);

        // Settings: the person picks the headset; the call moves there, and "Play test sound"
        // chimes (660 Hz, then 880 Hz) on it too.
        ui.robot.clickOn("#nav-settings");
        DesktopAppHarness.runFx(() -> ui.lookup("#settings-output", javafx.scene.control.ComboBox.class).setValue("USB-Headset"));
        await().atMost(WAIT).untilAsserted(() -> {
            short[] played = pulse.record("usb.monitor", 0.5);
            double onHeadset = Goertzel.amplitude(played, 0, played.length, PEER_TONE, 48_000);
            assertTrue(onHeadset > 0.05, "the call plays on the chosen headset: " + onHeadset);
        });
        java.util.concurrent.CompletableFuture<short[]> headset =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> pulse.record("usb.monitor", 2.5));
        await().atMost(WAIT).until(() -> pulse.recordingsOf("usb.monitor") == 1);
        ui.click("#settings-test-sound");
        short[] chime = headset.get(15, java.util.concurrent.TimeUnit.SECONDS);
        for (double note : new double[] {660, 880}) {
            double loudest = 0;
            for (int at = 0; at + 12_000 <= chime.length; at += 3_000) {
                loudest = Math.max(loudest, Goertzel.amplitude(chime, at, 12_000, note, 48_000));
            }
            assertTrue(loudest > 0.05, "the test sound's " + note + " Hz on the headset: " + loudest);
        }

        // Another device plugged in refills the lists; the call's speaker stream stays as it is
        // (it used to pass through "System default" and back, reopening the stream twice).
        await().atMost(WAIT).until(() -> playbackStreams().size() == 1);
        List<String> before = playbackStreams();
        java.util.concurrent.atomic.AtomicInteger settingsWrites = new java.util.concurrent.atomic.AtomicInteger();
        DesktopAppHarness.runFx(() -> ui.app.settings().settingsProperty().addListener((o, was, now) -> settingsWrites.incrementAndGet()));
        pulse.loadModule("module-null-sink", "sink_name=bt", "rate=48000", "sink_properties=device.description=BT-Speaker");
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.settings().outputDevices().contains("BT-Speaker")));
        assertEquals("USB-Headset", ui.app.settings().current().outputDevice(), "the choice stays");
        assertEquals(0, settingsWrites.get(), "refilling the device lists changed no setting (each change reopens a stream)");
        assertEquals(before, playbackStreams(), "the speaker stream was not reopened");
    }

    /** The app's playback streams on the sound server ("index sink"), e.g. ["5 2"]. */
    private List<String> playbackStreams() {
        return pulse.pactl("list", "short", "sink-inputs").lines().filter(l -> !l.isBlank())
                .map(l -> String.join(" ", java.util.Arrays.copyOf(l.split("\t"), 2))).toList();
    }
}
