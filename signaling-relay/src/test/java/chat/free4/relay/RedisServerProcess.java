package chat.free4.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * A real redis-server of the test's own on a loopback port, without persistence: a restart starts
 * it empty, as a cache-only Redis add-on would. Without redis-server the test is skipped with the
 * reason, except in CI (CI=true), where it fails.
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServerProcess(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServerProcess start() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("redis-server is missing: CI must install redis-server");
            }
            Assumptions.abort("redis-server is not installed (Debian: redis-server); the cluster tests need it");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RedisServerProcess redis = new RedisServerProcess(port, Files.createTempDirectory("f4c-redis"));
        redis.launch();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private void launch() throws Exception {
        process = new ProcessBuilder(List.of(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        Process started = process;
        try {
            org.awaitility.Awaitility.await("redis-server answers PING").atMost(java.time.Duration.ofSeconds(20))
                    .pollInterval(java.time.Duration.ofMillis(20))
                    .until(() -> answersPing() || !started.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException slow) {
            // fall through: the check below says it did not start
        }
        if (!started.isAlive() || !answersPing()) {
            throw new IllegalStateException("redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
        }
    }

    /** Whether a PING over a fresh connection gets +PONG. */
    boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Sends one command (as a RESP array of bulk strings) and returns the first line of the reply. */
    String command(String... args) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            s.setSoTimeout(5000);
            StringBuilder out = new StringBuilder().append('*').append(args.length).append("\r\n");
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                out.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
            }
            s.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            StringBuilder line = new StringBuilder();
            InputStream in = s.getInputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }

    /** SIGKILL: Redis vanishes with everything it held. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts it again, empty, on the same port. */
    void restart() throws Exception {
        kill();
        launch();
    }

    /** The operating system's id of redis-server (for CPU figures). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            kill();
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
