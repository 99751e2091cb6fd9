package chat.free4.testscreen;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Xvfb display for one test: a free display number, a screen of the given size, killed
 * on close. Without Xvfb the test is skipped with the reason; under CI=true that is a failure.
 */
public final class XvfbDisplay implements AutoCloseable {
    private final int number;
    private final Process process;

    private XvfbDisplay(int number, Process process) {
        this.number = number;
        this.process = process;
    }

    public static XvfbDisplay start(Path work, int width, int height) throws IOException {
        requireXvfb();
        for (int attempt = 0; attempt < 20; attempt++) {
            int number = 200 + new java.util.Random().nextInt(700);
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            Process xvfb = new ProcessBuilder("Xvfb", ":" + number, "-nolisten", "tcp", "-screen", "0",
                    width + "x" + height + "x24").redirectErrorStream(true)
                    .redirectOutput(work.resolve("xvfb-" + number + ".log").toFile()).start();
            await("Xvfb :" + number).atMost(Duration.ofSeconds(30))
                    .until(() -> !xvfb.isAlive() || Files.exists(Path.of("/tmp/.X11-unix/X" + number)));
            if (xvfb.isAlive()) {
                return new XvfbDisplay(number, xvfb);
            }
        }
        throw new IllegalStateException("Could not start Xvfb on a free display");
    }

    private static void requireXvfb() {
        boolean found = List.of("/usr/bin/Xvfb", "/usr/local/bin/Xvfb").stream().anyMatch(p -> Files.isExecutable(Path.of(p)));
        if (!found) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Xvfb is missing: CI must install xvfb");
            }
            Assumptions.abort("Xvfb is not installed (Debian: xvfb); the screen sharing tests need a display");
        }
    }

    /** The value for {@code DISPLAY}. */
    public String name() {
        return ":" + number;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
