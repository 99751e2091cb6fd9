package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/**
 * The shipped artifact: {@code java -jar signaling-relay.jar --port 0 --bind ::} serves IPv4 and
 * IPv6 loopback clients in one room, and SIGTERM closes them with 1001.
 */
class RelayJarIT {
    private static final Pattern LISTENING = Pattern.compile("Relay listening on ws://localhost:(\\d+)/v1");

    @Test
    void shadedJarServesBothAddressFamiliesAndStopsCleanlyOnSigterm() throws Exception {
        Path jar = Path.of(System.getProperty("relay.jar", "target/signaling-relay.jar"));
        assertTrue(Files.isRegularFile(jar), "run after package: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process relay = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port", "0", "--bind", "::"))
                .redirectErrorStream(true).start();
        WebSocketClient client = new WebSocketClient();
        try {
            CompletableFuture<Integer> port = new CompletableFuture<>();
            StringBuilder log = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        synchronized (log) {
                            log.append(line).append('\n');
                        }
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            port.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                    port.completeExceptionally(new IllegalStateException("relay exited:\n" + log));
                } catch (Exception e) {
                    port.completeExceptionally(e);
                }
            }, "relay-jar-output");
            reader.setDaemon(true);
            reader.start();
            int p = port.get(60, TimeUnit.SECONDS);

            client.start();
            TestClient v4 = TestClient.connect(client, URI.create("ws://127.0.0.1:" + p + "/v1"));
            TestClient v6 = TestClient.connect(client, URI.create("ws://[::1]:" + p + "/v1"));
            v4.join("jar", "four", "peer-four");
            v6.join("jar", "six", "peer-six");
            v4.expect("peer-joined");
            v6.send(TestClient.signal("peer-four", TestClient.payload("offer", "from v6")));
            assertEquals("peer-six", v4.expect("signal").get("from").getAsString());

            assertTrue(relay.toHandle().destroy()); // SIGTERM
            for (TestClient c : new TestClient[] {v4, v6}) {
                c.expectError("shutting_down");
                assertEquals(1001, c.awaitClose().code());
            }
            assertTrue(relay.waitFor(30, TimeUnit.SECONDS), "relay process did not exit");
            reader.join(10_000);
            synchronized (log) {
                assertTrue(log.toString().contains("Relay stopped"), log.toString());
            }
        } finally {
            client.stop();
            relay.destroyForcibly();
        }
    }
}
