package chat.free4.relay.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Relay benchmark (a main, not a test). Starts the relay as its own JVM (as deployed, -Xmx512m)
 * and drives it from this JVM over loopback:
 * <ol>
 *   <li>forwarding: K clients in pairs (one room per pair) send ICE-candidate-sized signals to
 *       their partner at a fixed total rate; prints forwarded msgs/s and p50/p99/p99.9/max
 *       latency from send to receipt (both ends in this JVM, one clock);</li>
 *   <li>memory: N idle connections joined into rooms of 8; prints the relay's heap after a full GC
 *       and its resident set size.</li>
 * </ol>
 * Arguments (all optional): {@code clients=200 rates=5000,20000,40000 seconds=8 warmup=10 idle=10000}
 * and {@code relayJvm="-XX:StartFlightRecording=filename=/tmp/relay.jfr"} for extra relay JVM options.
 */
public final class RelayBenchmark {
    private static final Pattern LISTENING = Pattern.compile("Relay listening on (ws://\\S+)");
    private static final String CANDIDATE =
            "candidate:842163049 1 udp 1677729535 198.18.7.2 50123 typ srflx raddr 198.18.7.2 rport 50123 "
            + "generation 0 ufrag Kq7b network-cost 999";

    public static void main(String[] args) throws Exception {
        int clients = intArg(args, "clients", 200);
        int seconds = intArg(args, "seconds", 8);
        int idle = intArg(args, "idle", 10_000);
        int warmup = intArg(args, "warmup", 10);
        List<Integer> rates = Arrays.stream(stringArg(args, "rates", "5000,20000,40000").split(","))
                .map(Integer::parseInt).collect(Collectors.toList());

        System.out.printf(Locale.ROOT, "Relay benchmark: %d cores, %s, relay JVM -Xmx512m%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"));
        RelayProcess relay = RelayProcess.start(stringArg(args, "relayJvm", ""));
        WebSocketClient client = newClient();
        try {
            if (clients > 0) {
                forwarding(client, relay, clients, rates, seconds, warmup);
            }
            if (idle > 0) {
                idleMemory(client, relay, idle);
            }
        } finally {
            client.stop();
            relay.stop();
        }
    }

    // ---- forwarding throughput and latency ----

    private static void forwarding(WebSocketClient client, RelayProcess relay, int clients, List<Integer> rates,
                                   int seconds, int warmup) throws Exception {
        int pairs = clients / 2;
        LatencyRecorder recorder = new LatencyRecorder(rates.stream().mapToInt(r -> r).max().orElse(1) * (seconds + 2));
        List<BenchPeer> senders = new ArrayList<>();
        List<BenchPeer> all = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            BenchPeer a = BenchPeer.connect(client, relay.uri, recorder);
            BenchPeer b = BenchPeer.connect(client, relay.uri, recorder);
            a.joinAndWait("pair-" + i, "a", "bench-" + i + "-a");
            b.joinAndWait("pair-" + i, "b", "bench-" + i + "-b");
            a.partner = "bench-" + i + "-b";
            b.partner = "bench-" + i + "-a";
            senders.add(a);
            senders.add(b);
            all.add(a);
            all.add(b);
        }
        System.out.printf(Locale.ROOT, "%nForwarding: %d clients in %d pairs, %d s per rate, ~%d-byte signals%n",
                clients, pairs, seconds, BenchPeer.frame("bench-0-b", 0).length());
        // Let both JVMs compile the hot paths before measuring.
        runRate(relay, senders, recorder, rates.get(0), warmup, false);
        System.out.println("  target msg/s | forwarded msg/s | p50 ms | p99 ms | p99.9 ms | max ms | lost"
                + " | relay CPU us/msg");
        for (int rate : rates) {
            runRate(relay, senders, recorder, rate, 2, false); // warm-up
            recorder.reset();
            long forwardedBefore = relay.metric("relay_messages_forwarded_total");
            long cpuBefore = relay.cpuNanos();
            long t0 = System.nanoTime();
            long sent = runRate(relay, senders, recorder, rate, seconds, true);
            long elapsed = System.nanoTime() - t0;
            long forwarded = relay.metric("relay_messages_forwarded_total") - forwardedBefore;
            double cpuMicrosPerMessage = (relay.cpuNanos() - cpuBefore) / 1e3 / Math.max(1, forwarded);
            long[] lat = recorder.sorted();
            System.out.printf(Locale.ROOT, "  %12d | %15.0f | %6.2f | %6.2f | %8.2f | %6.2f | %4d | %6.1f%n",
                    rate, forwarded / (elapsed / 1e9), ms(percentile(lat, 0.50)), ms(percentile(lat, 0.99)),
                    ms(percentile(lat, 0.999)), ms(lat.length == 0 ? 0 : lat[lat.length - 1]), sent - lat.length,
                    cpuMicrosPerMessage);
        }
        for (BenchPeer p : all) {
            p.session.close();
        }
    }

    /** Sends at {@code rate} msgs/s in total for {@code seconds}, then waits for the stragglers. */
    private static long runRate(RelayProcess relay, List<BenchPeer> senders, LatencyRecorder recorder, int rate,
                                int seconds, boolean record) throws Exception {
        recorder.recording = record;
        int threads = 2;
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService pacers = Executors.newScheduledThreadPool(threads);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        double perNanoPerThread = rate / 1e9 / threads;
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            List<BenchPeer> mine = new ArrayList<>();
            for (int i = t; i < senders.size(); i += threads) {
                mine.add(senders.get(i));
            }
            long[] done = {0};
            int[] next = {0};
            pacers.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                if (now >= end) {
                    if (finished.getCount() > 0 && done[0] >= 0) {
                        done[0] = -1;
                        finished.countDown();
                    }
                    return;
                }
                long due = (long) ((now - start) * perNanoPerThread) - done[0];
                for (long k = 0; k < due; k++) {
                    BenchPeer p = mine.get(next[0]);
                    next[0] = (next[0] + 1) % mine.size();
                    p.send();
                    done[0]++;
                    sent.incrementAndGet();
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
        }
        finished.await();
        pacers.shutdownNow();
        long expected = recorder.sentTotal.addAndGet(sent.get());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (recorder.receivedTotal.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10); // benchmark only: let in-flight messages land before the next run
        }
        recorder.recording = false;
        return sent.get();
    }

    // ---- idle connections memory ----

    private static void idleMemory(WebSocketClient client, RelayProcess relay, int count) throws Exception {
        System.out.printf(Locale.ROOT, "%nMemory: %d idle connections, joined in rooms of 8%n", count);
        relay.fullGc();
        long baseHeap = relay.metric("relay_heap_used_bytes");
        long baseRss = relay.rssBytes();
        List<BenchPeer> idle = new ArrayList<>(count);
        long t0 = System.nanoTime();
        int batch = 250;
        for (int i = 0; i < count; i += batch) {
            List<CompletableFuture<BenchPeer>> pending = new ArrayList<>();
            for (int j = i; j < Math.min(count, i + batch); j++) {
                int n = j;
                pending.add(BenchPeer.connectAsync(client, relay.uri, null).thenApply(p -> {
                    p.sendJoin("idle-" + (n / 8), "p" + (n % 8), "idle-" + n + "-peer");
                    return p;
                }));
            }
            for (CompletableFuture<BenchPeer> f : pending) {
                idle.add(f.get(60, TimeUnit.SECONDS));
            }
        }
        for (BenchPeer p : idle) {
            p.awaitJoined();
        }
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        long connections = relay.metric("relay_connections");
        long rooms = relay.metric("relay_rooms");
        relay.fullGc();
        long heap = relay.metric("relay_heap_used_bytes");
        long rss = relay.rssBytes();
        System.out.printf(Locale.ROOT, "  connected+joined in %.1f s; relay reports %d connections, %d rooms%n",
                connectSeconds, connections, rooms);
        System.out.printf(Locale.ROOT, "  relay heap after full GC: %.1f MB idle-empty -> %.1f MB with %d connections"
                        + " (%.1f KB per connection)%n", baseHeap / 1e6, heap / 1e6, count,
                (heap - baseHeap) / 1e3 / count);
        System.out.printf(Locale.ROOT, "  relay resident set: %.1f MB -> %.1f MB%n", baseRss / 1e6, rss / 1e6);
        for (BenchPeer p : idle) {
            p.session.close();
        }
    }

    // ---- helpers ----

    private static WebSocketClient newClient() throws Exception {
        ClientConnector connector = new ClientConnector();
        connector.setSelectors(2);
        HttpClientTransport transport = new HttpClientTransportOverHTTP(connector);
        org.eclipse.jetty.client.HttpClient http = new org.eclipse.jetty.client.HttpClient(transport);
        http.setMaxConnectionsPerDestination(100_000);
        WebSocketClient client = new WebSocketClient(http);
        client.setIdleTimeout(Duration.ofMinutes(10));
        client.setMaxTextMessageSize(128 * 1024);
        client.start();
        return client;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /** Latencies in nanoseconds, recorded from Jetty's threads. */
    static final class LatencyRecorder {
        private final long[] values;
        private final AtomicInteger size = new AtomicInteger();
        final AtomicLong sentTotal = new AtomicLong();
        final AtomicLong receivedTotal = new AtomicLong();
        volatile boolean recording;

        LatencyRecorder(int capacity) {
            values = new long[capacity];
        }

        void record(long nanos) {
            receivedTotal.incrementAndGet();
            if (!recording) {
                return;
            }
            int i = size.getAndIncrement();
            if (i < values.length) {
                values[i] = nanos;
            }
        }

        long count() {
            return size.get();
        }

        void reset() {
            size.set(0);
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, Math.min(size.get(), values.length));
            Arrays.sort(copy);
            return copy;
        }
    }

    /** One benchmark client. */
    public static final class BenchPeer implements Session.Listener.AutoDemanding {
        private final LatencyRecorder recorder;
        private final CompletableFuture<Void> joined = new CompletableFuture<>();
        volatile Session session;
        String partner;

        BenchPeer(LatencyRecorder recorder) {
            this.recorder = recorder;
        }

        static BenchPeer connect(WebSocketClient client, URI uri, LatencyRecorder recorder) throws Exception {
            return connectAsync(client, uri, recorder).get(30, TimeUnit.SECONDS);
        }

        static CompletableFuture<BenchPeer> connectAsync(WebSocketClient client, URI uri, LatencyRecorder recorder)
                throws Exception {
            BenchPeer peer = new BenchPeer(recorder);
            return client.connect(peer, uri).thenApply(s -> peer);
        }

        static String frame(String to, long nanos) {
            return "{\"type\":\"signal\",\"to\":\"" + to + "\",\"payload\":{\"kind\":\"candidate\",\"mid\":\"0\","
                    + "\"index\":0,\"candidate\":\"" + CANDIDATE + "\",\"t\":" + nanos + "}}";
        }

        void sendJoin(String room, String name, String peerId) {
            session.sendText("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + name + "\",\"peerId\":\""
                    + peerId + "\"}", Callback.NOOP);
        }

        void joinAndWait(String room, String name, String peerId) throws Exception {
            sendJoin(room, name, peerId);
            awaitJoined();
        }

        void awaitJoined() throws Exception {
            joined.get(60, TimeUnit.SECONDS);
        }

        void send() {
            session.sendText(frame(partner, System.nanoTime()), Callback.NOOP);
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // Connections are torn down wholesale at the end of a run; nothing to report per peer.
        }

        @Override
        public void onWebSocketText(String message) {
            long now = System.nanoTime();
            if (message.startsWith("{\"type\":\"signal\"")) {
                int at = message.lastIndexOf("\"t\":");
                int end = message.indexOf('}', at);
                recorder.record(now - Long.parseLong(message.substring(at + 4, end)));
            } else if (message.startsWith("{\"type\":\"joined\"")) {
                joined.complete(null);
            } else if (message.startsWith("{\"type\":\"error\"")) {
                joined.completeExceptionally(new IllegalStateException(message));
            }
        }
    }

    /** The relay under test, in its own JVM with the limits a benchmark needs lifted. */
    static final class RelayProcess {
        final Process process;
        final URI uri;
        private final HttpClient http = HttpClient.newHttpClient();

        final int metricsPort;

        private RelayProcess(Process process, URI uri, int metricsPort) {
            this.process = process;
            this.uri = uri;
            this.metricsPort = metricsPort;
        }

        /** @param extraJvmOptions space-separated options for the relay JVM, e.g. a flight recording */
        static RelayProcess start(String extraJvmOptions) throws Exception {
            int port;
            int metricsPort;
            try (ServerSocket probe = new ServerSocket(); ServerSocket probe2 = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", 0));
                probe2.bind(new InetSocketAddress("127.0.0.1", 0));
                port = probe.getLocalPort();
                metricsPort = probe2.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
            if (!extraJvmOptions.isBlank()) {
                command.addAll(List.of(extraJvmOptions.trim().split("\\s+")));
            }
            command.addAll(List.of("-Dlogback.configurationFile=logback.xml", "-cp", classpath(), "chat.free4.relay.RelayMain", "--bind", "127.0.0.1", "--port",
                    Integer.toString(port), "--rate-burst", "1000000", "--rate-per-second", "1000000",
                    "--max-connections-per-address", "100000", "--max-rooms", "100000",
                    "--idle-timeout-seconds", "600", "--max-outbound-queue", "100000",
                    "--metrics-bind", "127.0.0.1", "--metrics-port", Integer.toString(metricsPort)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<URI> uri = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            uri.complete(URI.create(m.group(1)));
                        } else if (line.contains("WARN") || line.contains("ERROR")) {
                            System.out.println("  relay: " + line);
                        }
                    }
                } catch (Exception e) {
                    uri.completeExceptionally(e);
                }
            }, "relay-output");
            reader.setDaemon(true);
            reader.start();
            return new RelayProcess(process, uri.get(60, TimeUnit.SECONDS), metricsPort);
        }

        /** The project classpath: exec:java runs us in its own class loader, not on java.class.path. */
        private static String classpath() {
            ClassLoader loader = RelayBenchmark.class.getClassLoader();
            if (loader instanceof URLClassLoader urls) {
                List<String> entries = new ArrayList<>();
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (Exception e) {
                        throw new IllegalStateException("Unusable class path entry " + url, e);
                    }
                }
                return String.join(File.pathSeparator, entries);
            }
            return System.getProperty("java.class.path");
        }

        long metric(String name) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort
                    + "/metrics")).build();
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Long.parseLong(line.substring(name.length() + 1).trim());
                }
            }
            throw new IllegalStateException("no metric " + name);
        }

        void fullGc() throws Exception {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process gc = new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(60, TimeUnit.SECONDS);
        }

        /** User + system CPU time of the relay process (Linux /proc; clock ticks of 10 ms). */
        long cpuNanos() throws Exception {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        }

        long rssBytes() throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        }

        void stop() throws Exception {
            process.toHandle().destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
