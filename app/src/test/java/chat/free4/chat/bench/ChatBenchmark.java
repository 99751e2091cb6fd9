package chat.free4.chat.bench;

import chat.free4.chat.ChatLogListener;
import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.data.RtcTestRoom;
import chat.free4.files.FileLimits;
import chat.free4.files.FileSharingService;
import chat.free4.files.Sha256;
import chat.free4.files.TransferDirection;
import chat.free4.files.TransferState;
import chat.free4.files.TransferStatus;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Chat latency and file throughput between real WebRTC peers in one JVM (run it inside a network
 * namespace: see docs/BENCHMARKS.md). Arguments as key=value: messages (per run, default 2000),
 * rate (paced messages per second, default 200), fileMb (default 100), receivers (1 or 2 for
 * the file runs, default "1,2").
 */
public final class ChatBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            String[] kv = a.split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int messages = Integer.parseInt(opts.getOrDefault("messages", "2000"));
        int rate = Integer.parseInt(opts.getOrDefault("rate", "200"));
        int fileMb = Integer.parseInt(opts.getOrDefault("fileMb", "100"));
        List<Integer> receivers = Arrays.stream(opts.getOrDefault("receivers", "1,2").split(","))
                .map(Integer::parseInt).toList();

        System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        chatLatency(messages, rate);
        chatLatency(messages, 0);
        for (int n : receivers) {
            fileThroughput(fileMb, n);
        }
        System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.exit(0);
    }

    /** {@code rate} 0 = burst: all messages as fast as send() returns. */
    private static void chatLatency(int count, int rate) throws Exception {
        try (RtcTestRoom room = RtcTestRoom.withoutInboundLimits()) {
            ChatService ada = new ChatService(RtcTestRoom.newPeerInfo("Ada"));
            ChatService bob = new ChatService(RtcTestRoom.newPeerInfo("Bob"));
            room.connect(room.addPeer(ada.self(), ada), room.addPeer(bob.self(), bob));
            while (ada.connectedPeers().isEmpty() || bob.connectedPeers().isEmpty()) {
                Thread.onSpinWait();
            }
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            long[] latencies = new long[count];
            CountDownLatch done = new CountDownLatch(count);
            int[] next = {0};
            bob.log().addListener(new ChatLogListener() {
                @Override
                public void onAdded(ChatMessage m, int index) {
                    Long t0 = sentAt.get(m.id());
                    if (t0 != null && !m.isSystem()) {
                        latencies[next[0]++] = System.nanoTime() - t0;
                        done.countDown();
                    }
                }
            });
            // Warm-up, not measured (JIT, and the emoji data the app preloads at start).
            for (int i = 0; i < 200; i++) {
                ada.send("warm-up " + i + " :smile:");
            }
            while (bob.log().size() < 200) {
                Thread.onSpinWait();
            }
            long period = rate > 0 ? 1_000_000_000L / rate : 0;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (period > 0) {
                    long due = start + i * period;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                sendTimed(ada, "message " + i + " with a little text :smile:", sentAt, System.nanoTime());
            }
            if (!done.await(60, TimeUnit.SECONDS)) {
                System.out.printf("chat: only %d of %d arrived%n", count - done.getCount(), count);
            }
            long elapsed = System.nanoTime() - start;
            int over100 = 0;
            int firstSlow = -1;
            for (int i = 0; i < next[0]; i++) {
                if (latencies[i] > 100_000_000L) {
                    over100++;
                    firstSlow = firstSlow < 0 ? i : firstSlow;
                }
            }
            if (over100 > 0) {
                System.out.printf("chat: %d messages over 100 ms, the first at arrival #%d%n", over100, firstSlow);
            }
            long[] sorted = Arrays.copyOf(latencies, next[0]);
            Arrays.sort(sorted);
            System.out.printf("chat %s: %d messages, %.0f msg/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    rate > 0 ? "paced " + rate + "/s" : "burst", sorted.length, sorted.length / (elapsed / 1e9),
                    pct(sorted, 50), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
        }
    }

    /**
     * Sends and registers the send time under the message id before the receiver can see it:
     * a listener on the sender's own log fires inside send(), before the frame leaves.
     */
    private static void sendTimed(ChatService from, String text, Map<String, Long> sentAt, long t0) {
        ChatLogListener mark = new ChatLogListener() {
            @Override
            public void onAdded(ChatMessage m, int index) {
                if (m.sender().equals(from.self().id())) {
                    sentAt.putIfAbsent(m.id(), t0);
                }
            }
        };
        from.log().addListener(mark);
        try {
            from.send(text);
        } finally {
            from.log().removeListener(mark);
        }
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    private static void fileThroughput(int megabytes, int receivers) throws Exception {
        Path dir = Files.createTempDirectory("chat-bench");
        try (RtcTestRoom room = RtcTestRoom.withoutInboundLimits()) {
            FileSharingService sender = new FileSharingService(FileLimits.DEFAULT);
            RtcTestRoom.Peer senderPeer = room.addPeer(RtcTestRoom.newPeerInfo("Sender"), sender);
            List<FileSharingService> targets = new ArrayList<>();
            for (int i = 0; i < receivers; i++) {
                FileSharingService r = new FileSharingService(FileLimits.DEFAULT);
                room.addPeer(RtcTestRoom.newPeerInfo("Receiver" + i), r);
                targets.add(r);
            }
            room.connectAll();
            while (sender.connectedPeers().size() < receivers) {
                Thread.onSpinWait();
            }
            Path file = dir.resolve("payload.bin");
            Random random = new Random(1);
            byte[] block = new byte[1024 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int i = 0; i < megabytes; i++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
            String hash = Sha256.of(file);
            CountDownLatch completed = new CountDownLatch(receivers);
            sender.addListener(s -> {
                if (s.state() == TransferState.COMPLETED) {
                    completed.countDown();
                } else if (s.state().isFinal()) {
                    System.out.printf("file: a transfer ended %s: %s%n", s.state(), s.reason());
                }
            });
            Map<UUID, Path> saved = new ConcurrentHashMap<>();
            for (int i = 0; i < receivers; i++) {
                FileSharingService r = targets.get(i);
                Path target = dir.resolve("received-" + i + ".bin");
                r.addListener(s -> {
                    if (s.direction() == TransferDirection.INCOMING && s.state() == TransferState.OFFERED) {
                        try {
                            saved.put(s.id(), target);
                            r.accept(s.id(), target);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            }
            long start = System.nanoTime();
            List<TransferStatus> offered = sender.offerToRoom(file);
            long offeredAt = System.nanoTime();
            if (!completed.await(300, TimeUnit.SECONDS)) {
                System.out.println("file: not complete after 300 s");
                return;
            }
            long end = System.nanoTime();
            for (Path p : saved.values()) {
                if (!Sha256.of(p).equals(hash)) {
                    System.out.println("file: HASH MISMATCH in " + p);
                }
            }
            double seconds = (end - offeredAt) / 1e9;
            System.out.printf("file %d MB to %d receiver(s): %.2f s after the offer (hashing before it took %.2f s), "
                            + "%.1f MB/s per receiver, %.1f MB/s in total, SHA-256 verified%n",
                    megabytes, offered.size(), seconds, (offeredAt - start) / 1e9, megabytes / seconds,
                    megabytes * receivers / seconds);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
