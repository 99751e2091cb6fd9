package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.AudioDeviceInfo;
import chat.free4.audio.Goertzel;
import chat.free4.audio.TestChime;
import chat.free4.testaudio.PrivatePulseServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Play test sound" goes where the call's sound goes: on a private PulseAudio server with two
 * speakers, the chime (660 Hz, then 880 Hz) is heard on the chosen one and not on the other.
 */
class TestChimeOnTheChosenSpeakerTest {
    private PrivatePulseServer pulse;

    @AfterEach
    void stop() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @Test
    void theChimePlaysOnTheChosenSpeakerOnly() throws Exception {
        pulse = PrivatePulseServer.start(List.of(
                "load-module module-null-sink sink_name=spk rate=48000 sink_properties=device.description=Speakers",
                "load-module module-null-sink sink_name=usb rate=44100 sink_properties=device.description=USB-Headset"),
                "spk", "spk.monitor");
        CompletableFuture<short[]> chosen = CompletableFuture.supplyAsync(() -> pulse.record("usb.monitor", 2.0));
        CompletableFuture<short[]> other = CompletableFuture.supplyAsync(() -> pulse.record("spk.monitor", 2.0));
        // Both recordings are running before the chime starts: it is short.
        await().atMost(Duration.ofSeconds(10)).until(() -> pulse.recordingsOf("usb.monitor") == 1 && pulse.recordingsOf("spk.monitor") == 1);
        TestChime.play(Optional.of(new AudioDeviceInfo("USB-Headset", "usb")));
        short[] onUsb = chosen.get(10, TimeUnit.SECONDS);
        short[] onSpk = other.get(10, TimeUnit.SECONDS);
        for (double note : new double[] {660, 880}) {
            double heard = loudest(onUsb, note);
            assertTrue(heard > 0.05, note + " Hz on the chosen speaker: " + heard);
            assertTrue(loudest(onSpk, note) < 0.005, note + " Hz not on the other speaker: " + loudest(onSpk, note));
        }
    }

    /** The loudest the frequency is in any quarter second of the recording. */
    private static double loudest(short[] samples, double frequency) {
        int window = 12_000;
        double max = 0;
        for (int at = 0; at + window <= samples.length; at += window / 4) {
            max = Math.max(max, Goertzel.amplitude(samples, at, window, frequency, 48_000));
        }
        return max;
    }
}
