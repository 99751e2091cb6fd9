package chat.free4.testlan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one system command (ip, sysctl) and fails with its output if it fails. */
final class Shell {
    private Shell() {
    }

    static void run(String... command) {
        String output = "";
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        }
    }

    /** Best effort, for cleaning up: never throws. */
    static void tryRun(String... command) {
        try {
            run(command);
        } catch (IllegalStateException ignored) {
            // Already gone, or the namespace took the link with it.
        }
    }

    static List<String> cmd(String... parts) {
        return List.of(parts);
    }
}
