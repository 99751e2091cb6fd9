package chat.free4.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the relay image tar that Jib built in this run (signaling-relay, Linux only) and checks
 * what a container runtime would use; then runs the image's own file system the way a runtime
 * would (its entrypoint, its user, its environment, in a chroot with /proc) and talks to it on
 * loopback, proving the scratch-based image holds everything the relay needs.
 */
@EnabledOnOs(OS.LINUX)
class RelayImageIT {
    @TempDir
    static Path unpacked;
    static JsonObject config;
    static List<Path> layers = new ArrayList<>();

    @BeforeAll
    static void unpackImageTar() throws Exception {
        Path tar = Path.of(System.getProperty("relay.image.tar"));
        assertTrue(Files.isRegularFile(tar), "relay image not built: " + tar);
        Path image = Files.createDirectories(unpacked.resolve("image"));
        ProcessRun.run(List.of("tar", "-xf", tar.toString(), "-C", image.toString()), Duration.ofMinutes(1))
                .assertSuccess("tar -xf image");
        JsonObject manifest = JsonParser.parseString(Files.readString(image.resolve("manifest.json")))
                .getAsJsonArray().get(0).getAsJsonObject();
        config = JsonParser.parseString(Files.readString(image.resolve(manifest.get("Config").getAsString())))
                .getAsJsonObject().getAsJsonObject("config");
        for (var layer : manifest.getAsJsonArray("Layers")) {
            layers.add(image.resolve(layer.getAsString()));
        }
    }

    @Test
    void entrypointStartsTheRelayWithTheImagesOwnJava() {
        List<String> entrypoint = strings(config.getAsJsonArray("Entrypoint"));
        assertEquals("/opt/java/bin/java", entrypoint.get(0));
        assertEquals("chat.free4.relay.container.ContainerMain", entrypoint.get(entrypoint.size() - 1));
        assertTrue(entrypoint.contains("@/app/jib-classpath-file"), entrypoint.toString());
    }

    @Test
    void runsAsANumericNonRootUser() {
        String user = config.get("User").getAsString();
        assertTrue(user.matches("\\d+:\\d+"), "User must be numeric uid:gid, got " + user);
        assertTrue(Integer.parseInt(user.split(":")[0]) != 0, "runs as root: " + user);
    }

    @Test
    void exposesThePortTheEnvironmentConfigures() {
        assertTrue(config.getAsJsonObject("ExposedPorts").has("8080/tcp"), config.toString());
        assertEquals("8080", imageEnvironment().get("RELAY_PORT"));
        assertEquals("0.0.0.0", imageEnvironment().get("RELAY_BIND"));
    }

    @Test
    void imageFileSystemRunsTheRelayAndItsHealthCheckOnLoopback() throws Exception {
        Path root = Files.createDirectories(unpacked.resolve("rootfs"));
        for (Path layer : layers) {
            ProcessRun.run(List.of("tar", "-xzf", layer.toString(), "-C", root.toString()), Duration.ofMinutes(1))
                    .assertSuccess("unpack layer " + layer);
        }
        int port = freeLoopbackPort();
        Map<String, String> env = new HashMap<>(imageEnvironment());
        env.put("RELAY_PORT", Integer.toString(port));
        env.put("RELAY_BIND", "127.0.0.1");

        Process relay = startInImage(root, strings(config.getAsJsonArray("Entrypoint")), env,
                unpacked.resolve("relay.log"));
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
            await("relay /healthz in the image").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> relay.isAlive() && http.send(HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

            // A join goes through every check of a name: the shared rules (names jar) and the
            // lookalike skeleton (ICU4J), so a jar missing from the image shows here.
            CompletableFuture<String> answer = new CompletableFuture<>();
            WebSocket socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                String message = text.toString();
                                text.setLength(0);
                                String type = JsonParser.parseString(message).getAsJsonObject().get("type").getAsString();
                                if (type.equals("joined") || type.equals("error")) {
                                    answer.complete(message);
                                }
                            }
                            ws.request(1);
                            return null;
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"join\",\"room\":\"image check\",\"name\":\"Ada\"}", true)
                    .get(30, TimeUnit.SECONDS);
            String joined = answer.get(30, TimeUnit.SECONDS);
            assertEquals("joined", JsonParser.parseString(joined).getAsJsonObject().get("type").getAsString(),
                    joined + "\n" + Files.readString(unpacked.resolve("relay.log")));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);

            List<String> healthCommand = new ArrayList<>(List.of("/opt/java/bin/java", "-cp",
                    "@/app/jib-classpath-file", "chat.free4.relay.container.ContainerMain", "--healthcheck"));
            Process probe = startInImage(root, healthCommand, env, unpacked.resolve("probe.log"));
            assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "health check command did not finish");
            String probeOutput = Files.readString(unpacked.resolve("probe.log"));
            assertEquals(0, probe.exitValue(), probeOutput);
            assertTrue(probeOutput.contains("answered 200"), probeOutput);
        } finally {
            stopWithDescendants(relay);
        }
    }

    /**
     * Stops the relay as `docker stop` would (SIGTERM, then SIGKILL). The whole process tree:
     * chroot's change of user clears unshare's kill-with-parent signal, so killing unshare alone
     * left the relay JVM running after the test.
     */
    private static void stopWithDescendants(Process process) throws Exception {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Like a container runtime: own mount namespace with /proc, chroot, the image's user, only its env. */
    private static Process startInImage(Path root, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        String user = config.get("User").getAsString();
        StringBuilder script = new StringBuilder("/bin/mount -t proc proc '" + root + "/proc' && exec /usr/sbin/chroot"
                + " --userspec=" + user + " '" + root + "'");
        for (String arg : command) {
            script.append(" '").append(arg).append("'");
        }
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/unshare", "--mount", "--fork", "--kill-child",
                "/bin/sh", "-c", script.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Map<String, String> imageEnvironment() {
        Map<String, String> env = new HashMap<>();
        for (String entry : strings(config.getAsJsonArray("Env"))) {
            String[] pair = entry.split("=", 2);
            env.put(pair[0], pair[1]);
        }
        return env;
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        array.forEach(e -> list.add(e.getAsString()));
        return list;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
