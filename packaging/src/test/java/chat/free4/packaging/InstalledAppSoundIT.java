package chat.free4.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.Goertzel;
import chat.free4.audio.WavReader;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user did: the desktop app from the .deb's launcher, under Xvfb, on a PulseAudio
 * server (a 660 Hz sine as the microphone, a null sink as the speaker), started into a relay room
 * from its command line; the package's own command-line peer joins with 440 Hz and records what it
 * hears. The peer must hear the microphone and the speaker must play the peer. The app, the peer
 * and the relay run in a {@link TestNamespace}.
 */
@EnabledOnOs(OS.LINUX)
class InstalledAppSoundIT {
    @TempDir
    static Path root;
    @TempDir
    Path work;

    @BeforeAll
    static void installIntoTempRoot() throws Exception {
        BuiltDeb.unpack(BuiltDeb.find(), root);
    }

    @Test
    void theInstalledAppCarriesACallOnTheSoundServer() throws Exception {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (!asRoot && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI runs as root: this test needs a network namespace");
        }
        Assumptions.assumeTrue(asRoot, "needs root for a network namespace");
        for (String tool : List.of("pulseaudio", "parec", "Xvfb", "ip")) {
            boolean present = Files.isExecutable(Path.of("/usr/bin/" + tool)) || Files.isExecutable(Path.of("/usr/sbin/" + tool))
                    || Files.isExecutable(Path.of("/sbin/" + tool));
            if (!present && "true".equals(System.getenv("CI"))) {
                throw new AssertionError(tool + " is missing: CI must install pulseaudio, pulseaudio-utils and xvfb");
            }
            Assumptions.assumeTrue(present, tool + " is not installed; this test needs a sound server and Xvfb");
        }
        Path launcher = root.resolve(BuiltDeb.INSTALL_DIR + "/bin/free4chat");
        Path socket = work.resolve("pulse/native");
        Files.createDirectories(socket.getParent().resolve("runtime"));
        Files.write(socket.getParent().resolve("test.pa"), List.of(
                "load-module module-null-sink sink_name=spk rate=48000",
                "load-module module-sine-source source_name=mic frequency=660 rate=48000",
                "load-module module-native-protocol-unix auth-anonymous=1 socket=" + socket,
                "set-default-sink spk", "set-default-source mic"));
        ProcessBuilder pulseBuilder = new ProcessBuilder("pulseaudio", "-n", "-F", socket.getParent().resolve("test.pa").toString(),
                "--exit-idle-time=-1", "--daemonize=no", "--system=false")
                .redirectErrorStream(true).redirectOutput(work.resolve("pulse.log").toFile());
        pulseBuilder.environment().put("PULSE_RUNTIME_PATH", socket.getParent().resolve("runtime").toString());
        pulseBuilder.environment().put("HOME", socket.getParent().toString());
        String pulseServer = "unix:" + socket;
        int display = 100 + new java.util.Random().nextInt(800);
        List<Process> started = new ArrayList<>();
        Path relayJar = Path.of("../signaling-relay/target/signaling-relay.jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(relayJar), "the relay jar is built: " + relayJar);
        int relayPort = 20_000 + new java.util.Random().nextInt(20_000);
        String relayUri = "ws://127.0.0.1:" + relayPort + "/v1";
        try (TestNamespace ns = TestNamespace.create("snd", "198.18.9.1")) {
            Process relay = new ProcessBuilder(ns.command(javaBin(), "-jar", relayJar.toString(), "--port",
                    Integer.toString(relayPort), "--bind", "127.0.0.1"))
                    .redirectErrorStream(true).redirectOutput(work.resolve("relay.log").toFile()).start();
            started.add(relay);
            await("the relay").atMost(Duration.ofSeconds(30)).until(() -> !relay.isAlive()
                    || Files.readString(work.resolve("relay.log")).contains("listening"));
            assertTrue(relay.isAlive(), "relay: " + Files.readString(work.resolve("relay.log")));
            Process pulse = pulseBuilder.start();
            started.add(pulse);
            await("the sound server").atMost(Duration.ofSeconds(20)).until(() -> !pulse.isAlive() || Files.exists(socket));
            assertTrue(pulse.isAlive(), "pulseaudio: " + Files.readString(work.resolve("pulse.log")));
            Process xvfb = new ProcessBuilder("Xvfb", ":" + display, "-nolisten", "tcp", "-screen", "0", "1280x800x24")
                    .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
            started.add(xvfb);
            await("Xvfb").atMost(Duration.ofSeconds(30)).until(() -> !xvfb.isAlive()
                    || Files.exists(Path.of("/tmp/.X11-unix/X" + display)));

            // A steady sine is what noise suppression removes: the settings switch processing off.
            Path config = Files.createDirectories(work.resolve("config"));
            Files.writeString(config.resolve("settings.json"), "{\"sound\":{\"echoCancellation\":false,"
                    + "\"noiseSuppression\":false,\"autoGain\":false}}");
            ProcessBuilder appBuilder = new ProcessBuilder(ns.command(launcher.toString(), "--config-dir", config.toString(),
                    "--name", "Ada", "--room", "installed-sound", "--relay", relayUri))
                    .redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile());
            appBuilder.environment().put("DISPLAY", ":" + display);
            appBuilder.environment().put("PULSE_SERVER", pulseServer);
            Process app = appBuilder.start();
            started.add(app);

            Path heard = work.resolve("heard.wav");
            ProcessBuilder peerBuilder = new ProcessBuilder(ns.command(launcher.toString(), "join", "--relay", relayUri,
                    "--room", "installed-sound", "--name", "Bob", "--tone", "440", "--seconds", "12",
                    "--record", heard.toString(), "--levels-every", "0")).redirectErrorStream(true);
            Process peer = peerBuilder.start();
            started.add(peer);
            List<String> peerLines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(peerLines::add);
                } catch (java.io.IOException e) {
                    peerLines.add("(output ended: " + e.getMessage() + ")");
                }
            });
            reader.start();
            await("the peer connects to the app").atMost(Duration.ofSeconds(60))
                    .until(() -> !peer.isAlive() || peerLines.stream().anyMatch(l -> l.contains("Ada: connected")));
            assertTrue(peer.isAlive(), "the peer ended early: " + peerLines + "\napp: " + Files.readString(work.resolve("app.log")));

            await("the app's speaker plays the peer").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                short[] speaker = recordSpeaker(pulseServer);
                double played = Goertzel.amplitude(speaker, 0, speaker.length, 440, 48_000);
                assertTrue(played > 0.05, "440 Hz on the speaker: " + played + "\napp: " + Files.readString(work.resolve("app.log")));
            });
            assertTrue(peer.waitFor(60, TimeUnit.SECONDS), "the peer leaves after its 12 s");
            reader.join(5000);
            short[] samples = WavReader.read(heard);
            int last = Math.min(samples.length, 48_000 * 3);
            double mic = Goertzel.amplitude(samples, samples.length - last, last, 660, 48_000);
            assertTrue(mic > 0.05, "the peer heard the app's 660 Hz microphone: " + mic + "\npeer: " + peerLines);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                Process p = started.get(i);
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }


    /** Half a second of what the null sink plays, 48 kHz mono. */
    private static short[] recordSpeaker(String pulseServer) throws Exception {
        ProcessBuilder b = new ProcessBuilder("parec", "-d", "spk.monitor", "--format=s16le", "--rate=48000", "--channels=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("PULSE_SERVER", pulseServer);
        Process p = b.start();
        byte[] data;
        try (InputStream in = p.getInputStream()) {
            data = in.readNBytes(48_000);
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        short[] samples = new short[data.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
        }
        return samples;
    }
}
