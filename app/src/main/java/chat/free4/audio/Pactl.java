package chat.free4.audio;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sound server's own command-line client ({@code pactl}, Debian/Ubuntu package
 * pulseaudio-utils; PipeWire's Pulse server answers it too). webrtc-java 0.14.0 can neither open
 * a chosen Linux device nor list devices reliably (decision 0011), so the desktop path asks the
 * server directly.
 */
final class Pactl {
    private static final long TIMEOUT_SECONDS = 5;

    private final String executable;

    private Pactl(String executable) {
        this.executable = executable;
    }

    /** The client, when it is installed. */
    static Optional<Pactl> find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pactl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Pactl(candidate.toString()));
            }
        }
        return Optional.empty();
    }

    /** True when a PulseAudio-compatible server (PulseAudio, PipeWire-Pulse) is running for us. */
    boolean serverAnswers() {
        try {
            run("info");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code pactl ARGS}; its output, or an {@link IOException} with the server's words. */
    String run(String... args) throws IOException {
        Process process = builder(args).redirectErrorStream(true).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("The sound server did not answer in time.");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("The sound server refused: " + text.strip());
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking the sound server.", e);
        }
    }

    /** A long-running {@code pactl ARGS} (e.g. {@code subscribe}); the caller reads and ends it. */
    Process start(String... args) throws IOException {
        return builder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C"); // headings and property names in English
        return builder;
    }
}
