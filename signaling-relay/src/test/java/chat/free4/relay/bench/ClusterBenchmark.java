package chat.free4.relay.bench;

import chat.free4.relay.ClusterRelayProcess;
import chat.free4.relay.RedisServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The relay cluster's benchmark (a main, not a test): the ping-pong of ../shared/bench-relay (K
 * pairs, one room each, a 900-byte payload bounced between the two for a fixed time, so the relay
 * runs at its ceiling), against
 * <ul>
 *   <li>{@code one}: one relay, no Redis (the single relay);</li>
 *   <li>{@code one-redis}: one relay with {@code --redis} (cluster mode, every peer local);</li>
 *   <li>{@code three}: three relays on one Redis, each pair split over two instances, so every
 *       message takes the cluster hop (relay, Redis PUBLISH, the other relay).</li>
 * </ul>
 * Prints forwarded messages/s, p50/p99 one-way latency (both ends in this JVM), and CPU per
 * forwarded message of the relays together and of redis-server (from /proc, user+system).
 * Arguments: {@code modes=one,one-redis,three pairs=50 seconds=5 rounds=2} (the first round of
 * each mode is warm-up and not printed).
 */
public final class ClusterBenchmark {
    private static final String PAYLOAD = "a".repeat(900);
    private static final String[] RELAY_OPTIONS = {"--rate-burst", "1000000", "--rate-per-second", "1000000",
            "--max-connections-per-address", "100000", "--max-outbound-queue", "100000"};
    private static final long TICKS_PER_SECOND = 100; // Linux USER_HZ

    public static void main(String[] args) throws Exception {
        List<String> modes = Arrays.asList(arg(args, "modes", "one,one-redis,three").split(","));
        int pairs = Integer.parseInt(arg(args, "pairs", "50"));
        int seconds = Integer.parseInt(arg(args, "seconds", "5"));
        int rounds = Integer.parseInt(arg(args, "rounds", "2"));
        for (String mode : modes) {
            run(mode, pairs, seconds, rounds);
        }
        System.exit(0);
    }

    private static void run(String mode, int pairs, int seconds, int rounds) throws Exception {
        int instances = mode.equals("three") ? 3 : 1;
        RedisServerProcess redis = mode.equals("one") ? null : RedisServerProcess.start();
        List<ClusterRelayProcess> relays = new ArrayList<>();
        WebSocketClient client = new WebSocketClient();
        try {
            for (int i = 0; i < instances; i++) {
                relays.add(ClusterRelayProcess.start(List.of("-Xmx512m"), redis == null ? null : redis.url(), 10,
                        RELAY_OPTIONS));
            }
            while (!relays.stream().allMatch(r -> r.health() == 200)) {
                Thread.sleep(100); // polling /healthz until Redis is reached; nothing to wait on
            }
            client.start();
            for (int round = 0; round < rounds; round++) {
                Result r = pingPong(client, relays, pairs, seconds, round, redis);
                if (round > 0) {
                    System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"pairs\":%d,\"seconds\":%d,\"forwarded_per_s\":%d,"
                                    + "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"relay_cpu_us_per_msg\":%.1f,\"redis_cpu_us_per_msg\":%.1f}%n",
                            mode, pairs, seconds, Math.round(r.perSecond), r.p50, r.p99, r.relayCpuUs, r.redisCpuUs);
                }
            }
        } finally {
            client.stop();
            for (ClusterRelayProcess relay : relays) {
                relay.close();
            }
            if (redis != null) {
                redis.close();
            }
        }
    }

    private record Result(double perSecond, double p50, double p99, double relayCpuUs, double redisCpuUs) {
    }

    /** One pair: a on instance i % n, b on the next instance (the same one when n is 1). */
    private static Result pingPong(WebSocketClient client, List<ClusterRelayProcess> relays, int pairs, int seconds,
                                   int round, RedisServerProcess redis) throws Exception {
        int n = relays.size();
        AtomicBoolean running = new AtomicBoolean();
        AtomicLong forwarded = new AtomicLong();
        List<Peer> peers = new ArrayList<>();
        CountDownLatch joined = new CountDownLatch(2 * pairs);
        for (int i = 0; i < pairs; i++) {
            String room = "bench-" + round + "-" + i;
            Peer a = new Peer(room, "a" + i, "b" + i, running, forwarded, joined);
            Peer b = new Peer(room, "b" + i, "a" + i, running, forwarded, joined);
            a.connect(client, relays.get(i % n).uri());
            a.awaitJoined();
            b.connect(client, relays.get((i + 1) % n).uri());
            peers.add(a);
            peers.add(b);
        }
        if (!joined.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every client joined");
        }
        long[] relayBefore = cpu(relays.stream().mapToLong(ClusterRelayProcess::pid).toArray());
        long redisBefore = redis == null ? 0 : cpu(new long[] {redis.pid()})[0];
        long countBefore = forwarded.get();
        running.set(true);
        long t0 = System.nanoTime();
        // The later joiner starts, as a joiner's offer does: its partner's instance has heard of it by then.
        for (int i = 1; i < peers.size(); i += 2) {
            peers.get(i).sendToPartner();
        }
        Thread.sleep(seconds * 1000L); // the measured interval itself
        running.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long count = forwarded.get() - countBefore;
        long[] relayAfter = cpu(relays.stream().mapToLong(ClusterRelayProcess::pid).toArray());
        long redisAfter = redis == null ? 0 : cpu(new long[] {redis.pid()})[0];
        List<Long> all = new ArrayList<>();
        for (Peer p : peers) {
            synchronized (p.latency) {
                all.addAll(p.latency);
            }
            p.close();
        }
        all.sort(null);
        double relayTicks = Arrays.stream(relayAfter).sum() - Arrays.stream(relayBefore).sum();
        double usPerTick = 1e6 / TICKS_PER_SECOND;
        return new Result(count / elapsed, pct(all, 0.5), pct(all, 0.99), relayTicks * usPerTick / Math.max(1, count),
                (redisAfter - redisBefore) * usPerTick / Math.max(1, count));
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
    }

    /** utime + stime of each process, in clock ticks. */
    private static long[] cpu(long[] pids) throws Exception {
        long[] out = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            String stat = Files.readString(Path.of("/proc/" + pids[i] + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            out[i] = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        }
        return out;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /** One benchmark client: joins its pair's room, bounces every signal back to its partner. */
    public static final class Peer implements Session.Listener.AutoDemanding {
        final String room;
        final String id;
        final String partner;
        final AtomicBoolean running;
        final AtomicLong forwarded;
        final CountDownLatch joined;
        final CountDownLatch mine = new CountDownLatch(1);
        final List<Long> latency = new ArrayList<>();
        volatile Session session;

        Peer(String room, String id, String partner, AtomicBoolean running, AtomicLong forwarded, CountDownLatch joined) {
            this.room = room;
            this.id = id;
            this.partner = partner;
            this.running = running;
            this.forwarded = forwarded;
            this.joined = joined;
        }

        void connect(WebSocketClient client, URI uri) throws Exception {
            client.connect(this, uri).get(30, TimeUnit.SECONDS);
            session.sendText("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + id.charAt(0)
                    + "\",\"peerId\":\"peer-" + id + "-bench\"}", Callback.NOOP);
        }

        void awaitJoined() throws InterruptedException {
            if (!mine.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no joined for " + id);
            }
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
        }

        @Override
        public void onWebSocketText(String text) {
            if (text.startsWith("{\"type\":\"joined\"")) {
                mine.countDown();
                joined.countDown();
                return;
            }
            int t = text.indexOf("\"t\":\"");
            if (!text.startsWith("{\"type\":\"signal\"") || t < 0) {
                // unknown_peer is expected only as a round ends (the partner has closed).
                if (text.contains("\"error\"") && (running.get() || !text.contains("unknown_peer"))) {
                    System.err.println("relay error: " + text.substring(0, Math.min(200, text.length())));
                }
                return;
            }
            long sent = Long.parseLong(text.substring(t + 5, text.indexOf('"', t + 5)));
            long now = System.nanoTime();
            forwarded.incrementAndGet();
            synchronized (latency) {
                latency.add(now - sent);
            }
            if (running.get()) {
                sendToPartner();
            }
        }

        void sendToPartner() {
            session.sendText("{\"type\":\"signal\",\"to\":\"peer-" + partner + "-bench\",\"payload\":{\"t\":\""
                    + System.nanoTime() + "\",\"x\":\"" + PAYLOAD + "\"}}", Callback.NOOP);
        }

        void close() {
            Session s = session;
            if (s != null) {
                s.close();
            }
        }
    }
}
