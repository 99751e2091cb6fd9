package chat.free4.relay.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What hostile clients cost the relay (issue 12), a main, not a test. Starts the relay as its own
 * JVM ({@code -Xmx512m}, the deployed defaults except where said) and attacks it from this JVM over
 * loopback addresses only (127.0.0.2-6), one part per relay process:
 * <ol>
 *   <li>{@code stalled}: readers that never read, each flooded with 60 KB signals; prints the
 *       relay's heap after a full GC and how long an ordinary join then takes;</li>
 *   <li>{@code halfopen}: sockets from one address that send a request header one byte every 5 s
 *       and never finish it; prints how many are still open after {@code hold} seconds and whether
 *       an ordinary client still gets in;</li>
 *   <li>{@code list}: {@code rooms} public rooms, then {@code lists} {@code list} requests one after
 *       another; prints the relay's CPU per list.</li>
 * </ol>
 * Arguments (all optional): {@code parts=stalled,halfopen,list stalled=32 frames=100 halfopen=3000
 * hold=15 rooms=1024 lists=2000}. It only uses options that relays before issue 12 had too, so the
 * same harness measures the old relay (copy it into a checkout of the old commit).
 */
public final class RelayAbuseBenchmark {
    private static final Pattern LISTENING = Pattern.compile("Relay listening on ws://[^:]+:(\\d+)/v1");
    private static final String BIG = "x".repeat(60_000);

    public static void main(String[] args) throws Exception {
        List<String> parts = Arrays.asList(arg(args, "parts", "stalled,halfopen,list").split(","));
        System.out.printf(Locale.ROOT, "Relay abuse benchmark: %d cores, %s %s, relay JVM -Xmx512m%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        if (parts.contains("stalled")) {
            stalled(intArg(args, "stalled", 32), intArg(args, "frames", 100));
        }
        if (parts.contains("halfopen")) {
            halfOpen(intArg(args, "halfopen", 3000), intArg(args, "hold", 15));
        }
        if (parts.contains("list")) {
            list(intArg(args, "rooms", 1024), intArg(args, "lists", 2000));
        }
    }

    // ---- parts ----

    private static void stalled(int readers, int frames) throws Exception {
        try (Relay relay = Relay.start("--rate-burst", "1000000", "--rate-per-second", "1000000")) {
            List<RawClient> sockets = new ArrayList<>();
            List<RawClient> senders = new ArrayList<>();
            int room = 0;
            for (int i = 0; i < readers; i += 7, room++) {
                RawClient sender = RawClient.open("127.0.0.2", relay.port, 0);
                sender.join("stall-" + room, "sender-" + room, "sender-" + room + "-xxxxxxxx");
                sender.readUntil("\"joined\"");
                senders.add(sender);
                for (int j = i; j < Math.min(readers, i + 7); j++) {
                    RawClient reader = RawClient.open("127.0.0.1", relay.port, 4096);
                    reader.join("stall-" + room, "reader-" + j, "reader-" + j + "-xxxxxxxx");
                    sockets.add(reader);
                    sender.readUntil("\"peer-joined\"");
                }
            }
            long heapBefore = relay.heapAfterGc();
            room = 0;
            for (int i = 0; i < readers; i += 7, room++) {
                RawClient sender = senders.get(room);
                for (int f = 0; f < frames; f++) {
                    for (int j = i; j < Math.min(readers, i + 7); j++) {
                        sender.sendText("{\"type\":\"signal\",\"to\":\"reader-" + j + "-xxxxxxxx\",\"payload\":{\"kind\":"
                                + "\"offer\",\"sdp\":\"" + BIG + "\"}}");
                    }
                }
            }
            for (RawClient sender : senders) {
                sender.sendText("{\"type\":\"ping\",\"id\":\"done\"}");
                sender.readUntil("\"done\""); // the relay has handled every signal of this sender
            }
            long heapAfter = relay.heapAfterGc();
            long joinMillis = joinMillis(relay, "127.0.0.3");
            System.out.printf(Locale.ROOT, "stalled readers: %d (one address), %d signals of 60 KB each (%d MB "
                            + "offered)%n  relay heap after full GC: %.1f MB before the flood, %.1f MB after; RSS %.1f MB;"
                            + " an ordinary join afterwards: %s%n", readers, readers * frames,
                    (long) readers * frames * 60_000 / 1_000_000, heapBefore / 1e6, heapAfter / 1e6,
                    relay.rssBytes() / 1e6, joinMillis < 0 ? "no answer in 10 s" : joinMillis + " ms");
            for (RawClient c : sockets) {
                c.close();
            }
            for (RawClient c : senders) {
                c.close();
            }
        }
    }

    private static void halfOpen(int count, int holdSeconds) throws Exception {
        try (Relay relay = Relay.start()) {
            List<Socket> sockets = new ArrayList<>();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            int refusedAtOnce = 0;
            try {
                for (int i = 0; i < count; i++) {
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress("127.0.0.4", 0));
                    try {
                        s.connect(new InetSocketAddress("127.0.0.1", relay.port), 2000);
                        OutputStream out = s.getOutputStream();
                        out.write("GET /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException refused) {
                        refusedAtOnce++;
                    }
                    sockets.add(s);
                }
                trickle.scheduleWithFixedDelay(() -> {
                    for (Socket s : sockets) {
                        try {
                            s.getOutputStream().write('a');
                        } catch (IOException | RuntimeException closed) {
                            // closed by the relay
                        }
                    }
                }, 5, 5, TimeUnit.SECONDS);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(holdSeconds);
                while (System.nanoTime() < until) {
                    Thread.sleep(250); // the attack's own pace, not a synchronisation
                }
                int alive = 0;
                for (Socket s : sockets) {
                    if (isOpen(s)) {
                        alive++;
                    }
                }
                long joinMillis = joinMillis(relay, "127.0.0.5");
                System.out.printf(Locale.ROOT, "half-open requests from one address: %d (a header byte every 5 s)%n"
                                + "  still open after %d s: %d (connect failed at once: %d); an ordinary join from another "
                                + "address meanwhile: %s%n", count, holdSeconds, alive, refusedAtOnce,
                        joinMillis < 0 ? "no answer in 10 s" : joinMillis + " ms");
            } finally {
                trickle.shutdownNow();
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    private static void list(int rooms, int lists) throws Exception {
        try (Relay relay = Relay.start("--rate-burst", "1000000", "--rate-per-second", "1000000",
                "--max-connections-per-address", Integer.toString(rooms + 10))) {
            List<RawClient> members = new ArrayList<>();
            for (int i = 0; i < rooms; i++) {
                RawClient m = RawClient.open("127.0.0.6", relay.port, 0);
                m.join(String.format(Locale.ROOT, "room-%05d", i), "m", String.format(Locale.ROOT, "member-%05d", i));
                m.readUntil("\"joined\"");
                members.add(m);
            }
            RawClient lister = RawClient.open("127.0.0.2", relay.port, 0);
            for (int i = 0; i < 200; i++) { // warm-up
                lister.sendText("{\"type\":\"list\"}");
                lister.readUntil("\"rooms\"");
            }
            long cpuBefore = relay.cpuNanos();
            long start = System.nanoTime();
            for (int i = 0; i < lists; i++) {
                lister.sendText("{\"type\":\"list\"}");
                lister.readUntil("\"rooms\"");
            }
            long wall = System.nanoTime() - start;
            long cpu = relay.cpuNanos() - cpuBefore;
            System.out.printf(Locale.ROOT, "list with %d public rooms: %d lists one after another%n"
                            + "  relay CPU per list: %.3f ms; round trip per list: %.3f ms%n", rooms, lists,
                    cpu / 1e6 / lists, wall / 1e6 / lists);
            lister.close();
            for (RawClient m : members) {
                m.close();
            }
        }
    }

    // ---- helpers ----

    private static boolean isOpen(Socket s) {
        try {
            s.setSoTimeout(1);
            InputStream in = s.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return false;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Connect, upgrade and join from {@code from}; milliseconds to {@code joined}, or -1. */
    private static long joinMillis(Relay relay, String from) {
        long start = System.nanoTime();
        try (RawClient c = RawClient.open(from, relay.port, 0)) {
            c.socket.setSoTimeout(10_000);
            c.join("ordinary", "ordinary", "ordinary-xxxxxxxx");
            c.readUntil("\"joined\"");
            return (System.nanoTime() - start) / 1_000_000;
        } catch (IOException | RuntimeException failed) {
            return -1;
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, Integer.toString(fallback)));
    }

    private static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            for (String part : a.trim().split("\\s+")) {
                if (part.startsWith(name + "=")) {
                    return part.substring(name.length() + 1);
                }
            }
        }
        return fallback;
    }

    /** A WebSocket client on a plain socket, bound to a chosen loopback address; reads only when asked. */
    private static final class RawClient implements AutoCloseable {
        final Socket socket;
        private final OutputStream out;
        private InputStream in;
        private final Random mask = new Random(7);

        private RawClient(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        static RawClient open(String from, int port, int receiveBuffer) throws IOException {
            Socket s = new Socket();
            if (receiveBuffer > 0) {
                s.setReceiveBufferSize(receiveBuffer);
            }
            s.setTcpNoDelay(true);
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(60_000);
            RawClient c = new RawClient(s);
            c.in = new java.io.BufferedInputStream(s.getInputStream(), 65536);
            c.out.write(("GET /v1 HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade"
                    + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            c.out.flush();
            int matched = 0;
            StringBuilder head = new StringBuilder();
            while (matched < 4) {
                int b = c.in.read();
                if (b < 0) {
                    throw new IOException("closed during the upgrade");
                }
                head.append((char) b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                throw new IOException("upgrade refused: " + head.toString().lines().findFirst().orElse(""));
            }
            return c;
        }

        void join(String room, String name, String peerId) throws IOException {
            sendText("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + name + "\",\"peerId\":\"" + peerId
                    + "\",\"secret\":\"" + peerId + "-secret\"}");
        }

        /** One masked text frame, written in one call (no Nagle wait between header and payload). */
        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(payload.length + 14);
            frame.write(0x81);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else if (payload.length < 65536) {
                frame.write(0x80 | 126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            } else {
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >> shift));
                }
            }
            byte[] key = new byte[4];
            mask.nextBytes(key);
            frame.write(key, 0, 4);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i % 4];
            }
            frame.write(payload, 0, payload.length);
            out.write(frame.toByteArray());
            out.flush();
        }

        /** Reads text frames until one contains {@code marker}. */
        void readUntil(String marker) throws IOException {
            while (true) {
                int b0 = in.read();
                int b1 = in.read();
                if (b0 < 0 || b1 < 0) {
                    throw new IOException("closed by the relay");
                }
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                String text = new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
                if ((b0 & 0x0f) == 0x8) {
                    throw new IOException("closed by the relay: " + text);
                }
                if (text.contains(marker)) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The relay in its own JVM. */
    private static final class Relay implements AutoCloseable {
        final Process process;
        final int port;

        private Relay(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Relay start(String... options) throws Exception {
            int port;
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", 0));
                port = probe.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dlogback.configurationFile=logback.xml",
                    "-cp", classpath(), "chat.free4.relay.RelayMain", "--bind", "127.0.0.1", "--port", Integer.toString(port)));
            command.addAll(List.of(options));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<Integer> listening = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            listening.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                    listening.completeExceptionally(new IOException("the relay exited"));
                } catch (IOException e) {
                    listening.completeExceptionally(e);
                }
            }, "relay-output");
            reader.setDaemon(true);
            reader.start();
            listening.get(60, TimeUnit.SECONDS);
            return new Relay(process, port);
        }

        private static String classpath() {
            ClassLoader loader = RelayAbuseBenchmark.class.getClassLoader();
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

        /** Heap in use right after a full GC, from {@code jcmd GC.heap_info}. */
        long heapAfterGc() throws Exception {
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
            long sum = 0;
            while (used.find()) {
                sum += Long.parseLong(used.group(2)) * 1024;
                break; // the first line is the whole heap
            }
            return sum;
        }

        long rssBytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
            return -1;
        }

        /** User + system CPU time (Linux /proc; clock ticks of 10 ms). */
        long cpuNanos() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        }

        private String jcmd(String command) throws Exception {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process p = new ProcessBuilder(jcmd, Long.toString(process.pid()), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
