package chat.free4.testaudio;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the tests do with a private sound server, whichever server it is (PulseAudio, or
 * PipeWire's Pulse server): its {@code pactl}, recording a source with {@code parec}. Both reach
 * the server through {@code PULSE_SERVER}, as the desktop app does.
 */
public abstract class TestSoundServer implements AutoCloseable {

    @Override
    public abstract void close();

    /** Runs {@code pactl ARGS} against this server; returns its output. */
    public String pactl(String... args) {
        List<String> command = new ArrayList<>(List.of("pactl"));
        command.addAll(List.of(args));
        return run(command, Duration.ofSeconds(10));
    }

    /** Loads a module while running; returns its index for {@link #unloadModule}. */
    public String loadModule(String... args) {
        List<String> all = new ArrayList<>(List.of("load-module"));
        all.addAll(List.of(args));
        return pactl(all.toArray(String[]::new)).strip();
    }

    public void unloadModule(String index) {
        pactl("unload-module", index);
    }

    /** Records {@code seconds} of a source (e.g. {@code spk.monitor}) as 48 kHz mono samples. */
    public short[] record(String source, double seconds) {
        int bytes = (int) (seconds * 48_000) * 2;
        try {
            Process p = new ProcessBuilder("parec", "-d", source, "--format=s16le", "--rate=48000", "--channels=1",
                    "--latency-msec=10").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] data;
            try (InputStream in = p.getInputStream()) {
                data = in.readNBytes(bytes);
            } finally {
                p.destroy();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            short[] samples = new short[data.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
            }
            return samples;
        } catch (IOException e) {
            throw new IllegalStateException("Could not record " + source, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording " + source, e);
        }
    }

    /** How many streams are recording from {@code source} now (e.g. a {@link #record} that has started). */
    public long recordingsOf(String source) {
        String index = pactl("list", "short", "sources").lines().map(l -> l.split("\t"))
                .filter(f -> f.length > 1 && f[1].equals(source)).map(f -> f[0]).findFirst().orElse("?");
        return pactl("list", "short", "source-outputs").lines().map(l -> l.split("\t"))
                .filter(f -> f.length > 1 && f[1].equals(index)).count();
    }

    static String run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    /** Aborts (skips) the test without the tool, except in CI, where it fails. */
    static void requireTool(String tool, String packages) {
        boolean found = List.of("/usr/bin/", "/bin/", "/usr/local/bin/").stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d + tool)));
        if (!found) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(tool + " is missing: CI must install " + packages);
            }
            Assumptions.abort(tool + " is not installed (Debian: " + packages + "); the sound-server tests need it");
        }
    }

}
