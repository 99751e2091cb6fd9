package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/** The relay as its own operating-system process, stopped the way a service manager stops it. */
class RelayProcessTest {
    private static final Pattern LISTENING = Pattern.compile("Relay listening on (ws://\\S+)");

    @Test
    void sigtermGivesEveryPeerShuttingDownAndClose1001ThenTheProcessExits() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process relay = new ProcessBuilder(List.of(java,
                // The relay's own logging set-up (tests are quieter); the test reads its address from the log.
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                "chat.free4.relay.RelayMain", "--port", "0", "--bind", "127.0.0.1"))
                .redirectErrorStream(true).start();
        WebSocketClient client = new WebSocketClient();
        try {
            CompletableFuture<URI> uri = new CompletableFuture<>();
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
                            uri.complete(URI.create(m.group(1)));
                        }
                    }
                } catch (Exception e) {
                    uri.completeExceptionally(e);
                }
            }, "relay-output");
            reader.setDaemon(true);
            reader.start();
            URI address = uri.get(60, TimeUnit.SECONDS);
            assertNotNull(address);

            client.start();
            TestClient a = TestClient.connect(client, address);
            TestClient b = TestClient.connect(client, address);
            a.join("process", "a");
            b.join("process", "b");
            a.expect("peer-joined");

            // SIGTERM on Linux and macOS. Process.destroy() would also close our end of its output.
            assertTrue(relay.toHandle().destroy());

            for (TestClient c : new TestClient[] {a, b}) {
                c.expectError("shutting_down");
                assertEquals(1001, c.awaitClose().code());
            }
            assertTrue(relay.waitFor(30, TimeUnit.SECONDS), "relay process did not exit");
            reader.join(10_000); // its output ends when the process does
            synchronized (log) {
                assertTrue(log.toString().contains("Relay stopped"), "exit " + relay.exitValue() + "\n" + log);
            }
        } finally {
            client.stop();
            relay.destroyForcibly();
        }
    }
}
