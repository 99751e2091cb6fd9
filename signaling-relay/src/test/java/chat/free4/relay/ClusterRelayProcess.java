package chat.free4.relay;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One relay instance of a cluster as its own operating-system process, on a loopback port. */
public final class ClusterRelayProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Relay listening on (ws://\\S+)");

    private final Process process;
    private final URI uri;

    private ClusterRelayProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** @param extra further relay options, e.g. limits */
    static ClusterRelayProcess start(String redisUrl, double seatTtlSeconds, String... extra) throws Exception {
        // Tests: a small heap and the quick compiler, for a fast start on a loaded machine.
        return start(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), redisUrl, seatTtlSeconds, extra);
    }

    /** @param redisUrl null for a relay of its own (no cluster) */
    public static ClusterRelayProcess start(List<String> jvmOptions, String redisUrl, double seatTtlSeconds,
                                            String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                "chat.free4.relay.RelayMain", "--port", "0", "--bind", "127.0.0.1", "--metrics-port", "-1"));
        if (redisUrl != null) {
            command.addAll(List.of("--redis", redisUrl, "--cluster-seat-ttl-seconds", Double.toString(seatTtlSeconds)));
        }
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> found = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(URI.create(m.group(1)));
                    }
                }
                found.completeExceptionally(new IllegalStateException("relay exited:\n" + log));
            } catch (Exception e) {
                found.completeExceptionally(e);
            }
        }, "relay-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ClusterRelayProcess relay = new ClusterRelayProcess(process, found.get(60, TimeUnit.SECONDS));
            relay.shareLog(log);
            return relay;
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private StringBuilder shared;

    private void shareLog(StringBuilder log) {
        this.shared = log;
    }

    /** The operating system's id of the relay process (for CPU figures). */
    public long pid() {
        return process.pid();
    }

    public URI uri() {
        return uri;
    }

    String log() {
        synchronized (shared) {
            return shared.toString();
        }
    }

    /** The status code of {@code GET /healthz}, or -1 if it does not answer. */
    public int health() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + uri.getHost() + ":" + uri.getPort()
                    + "/healthz").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (Exception e) {
            return -1;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the instance vanishes without a word to anyone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        // SIGTERM first: a relay stops cleanly.
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
