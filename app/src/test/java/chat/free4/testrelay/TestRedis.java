package chat.free4.testrelay;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server of the test's own on a loopback port, without persistence, for relays that
 * share rooms (decision 0026). Without redis-server the test is skipped with the reason, except
 * in CI (CI=true), where it fails.
 */
public final class TestRedis implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path dir;
    private final Process process;

    private TestRedis(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    public static TestRedis start() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("redis-server is missing: CI must install redis-server");
            }
            Assumptions.abort("redis-server is not installed (Debian: redis-server); relay cluster tests need it");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return startOn(port);
    }

    /** A fresh, empty redis-server on {@code port}: how a test brings back one it stopped. */
    public static TestRedis startOn(int port) throws Exception {
        Path dir = Files.createTempDirectory("f4c-redis");
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        TestRedis redis = new TestRedis(port, dir, process);
        try {
            org.awaitility.Awaitility.await("redis-server answers PING").atMost(java.time.Duration.ofSeconds(20))
                    .pollInterval(java.time.Duration.ofMillis(20))
                    .until(() -> redis.answersPing() || !process.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException slow) {
            // fall through: the check below says it did not start
        }
        if (!process.isAlive() || !redis.answersPing()) {
            redis.close();
            throw new IllegalStateException("redis-server did not start");
        }
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(1000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        if (!Files.isDirectory(dir)) {
            return; // closed before
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
