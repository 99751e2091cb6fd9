package chat.free4.relay.cluster;

import chat.free4.relay.protocol.Outbound;
import chat.free4.relay.rooms.SeatDirectory;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's seats in Redis, through Lettuce (decision 0026). One command connection carries
 * scripts and publishes in order; one pub/sub connection receives what other instances send to
 * this one's channel. A heartbeat thread renews this instance's liveness, reads its rooms back
 * (restoring its seats after a Redis restart, learning what announcements were lost) and the public
 * room list. Nothing read from Redis is trusted further than input from a stranger.
 */
public final class RedisDirectory implements SeatDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(RedisDirectory.class);
    private static final String CHANNEL = "f4c:to:";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private final ClusterConfig config;
    private final String instance;
    private final int maxMessageChars;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService heartbeat;
    /** Reads rooms back on a thread of its own, so a slow read never delays the heartbeat itself. */
    private final ScheduledExecutorService reader;
    private final AtomicBoolean listPlanned = new AtomicBoolean();
    /** Seats whose release failed while Redis was away; retried at each heartbeat. */
    private final Set<List<String>> pendingReleases = ConcurrentHashMap.newKeySet();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong failedCommands = new AtomicLong();
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile Events events;
    /** Null while Redis answers; what is wrong otherwise. */
    private volatile String problem = "Redis has not answered yet";
    private volatile boolean recovering;
    private volatile List<Outbound.RoomView> publicRooms = List.of();
    private volatile boolean closed;

    /** @param maxFrameChars the largest frame the relay writes: larger messages from Redis are dropped */
    public RedisDirectory(ClusterConfig config, int maxFrameChars) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("no Redis URL");
        }
        this.config = config;
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        this.instance = HexFormat.of().formatHex(id);
        this.maxMessageChars = maxFrameChars + 4096;
        RedisURI uri = RedisURI.create(config.redisUrl());
        uri.setTimeout(COMMAND_TIMEOUT);
        // Retry soon after Redis comes back (Lettuce's default waits up to 30 s between attempts).
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While Redis is away commands fail at once: a signal is not held back to arrive stale.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                .build());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cluster-heartbeat"));
        this.reader = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cluster-reader"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public void attach(Events events) {
        this.events = events;
        long every = config.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, 0, every, TimeUnit.MILLISECONDS);
        reader.scheduleWithFixedDelay(this::readBack, every / 2, every, TimeUnit.MILLISECONDS);
        LOG.info("Cluster instance {} shares rooms through Redis at {} (seat TTL {} s)", instance,
                config.redisHost(), config.seatTtl().toMillis() / 1000.0);
    }

    @Override
    public String problem() {
        String p = problem;
        if (p != null) {
            return p;
        }
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !c.isOpen()) {
            // Until a heartbeat succeeds again: a reconnected Redis may have lost its data.
            if (p == null) {
                LOG.warn("Redis at {} is not connected; new joins are refused until it answers", config.redisHost());
            }
            problem = "Redis is not connected";
            return problem;
        }
        return recovering ? "Redis lost its data; the instances are restoring their seats" : null;
    }

    private RedisAsyncCommands<String, String> redis() throws DirectoryUnavailable {
        StatefulRedisConnection<String, String> c = commands;
        if (c == null || !c.isOpen()) {
            throw new DirectoryUnavailable("Redis is not connected");
        }
        return c.async();
    }

    private long ttlMillis() {
        return config.seatTtl().toMillis();
    }

    private <T> T await(CompletableFuture<T> future) throws DirectoryUnavailable {
        try {
            return future.get(COMMAND_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("interrupted");
        } catch (Exception failed) {
            Throwable cause = failed instanceof java.util.concurrent.ExecutionException && failed.getCause() != null
                    ? failed.getCause() : failed;
            long n = failedCommands.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("A Redis command failed ({} so far): {}", n, cause.toString());
            }
            throw new DirectoryUnavailable(cause.getClass().getSimpleName());
        }
    }

    @Override
    public RoomMeta lookup(String roomKey) throws DirectoryUnavailable {
        String meta = await(ClusterScripts.LOOKUP.<String>run(redis(), ScriptOutputType.VALUE, roomKey,
                Long.toString(ttlMillis())));
        if (meta == null) {
            return null;
        }
        try {
            return SeatCodec.parseMeta(meta);
        } catch (IllegalArgumentException bad) {
            refusedFromRedis("room record");
            throw new DirectoryUnavailable("malformed room record");
        }
    }

    @Override
    public Claimed claim(Claim claim) throws DirectoryUnavailable {
        Seat seat = claim.seat();
        List<Object> answer = await(ClusterScripts.CLAIM.<List<Object>>run(redis(), ScriptOutputType.MULTI,
                claim.roomKey(), seat.peerId(), SeatCodec.seat(seat), Integer.toString(claim.maxPeers()), seat.nameKey(),
                seat.secretHashHex(), SeatCodec.meta(claim.create()), SeatCodec.verifier(claim.expectedVerifier()),
                Long.toString(ttlMillis())));
        try {
            String outcome = (String) answer.get(0);
            if (outcome.equals("recovering")) {
                return new Claimed(Outcome.RECOVERING, null, List.of(), "", "");
            }
            RoomMeta meta = SeatCodec.parseMeta((String) answer.get(1));
            String third = (String) answer.get(2);
            return switch (outcome) {
                case "changed" -> new Claimed(Outcome.ROOM_CHANGED, meta, List.of(), "", "");
                case "full" -> new Claimed(Outcome.ROOM_FULL, meta, List.of(), "", "");
                case "peer_taken" -> new Claimed(Outcome.PEER_ID_TAKEN, meta, List.of(), "", "");
                case "name_taken" -> new Claimed(Outcome.NAME_TAKEN, meta, List.of(), "", third);
                case "seated" -> new Claimed(Outcome.SEATED, meta, seats(answer, 3), third, "");
                default -> throw new IllegalArgumentException("unknown outcome");
            };
        } catch (RuntimeException bad) {
            refusedFromRedis("claim answer");
            throw new DirectoryUnavailable("malformed claim answer");
        }
    }

    /** Triples of peer id, name, instance from {@code from} on; malformed ones are left out. */
    private List<Seat> seats(List<Object> flat, int from) {
        List<Seat> seats = new ArrayList<>((flat.size() - from) / 3);
        for (int i = from; i + 2 < flat.size(); i += 3) {
            try {
                seats.add(SeatCodec.seat(flat.get(i), flat.get(i + 1), flat.get(i + 2)));
            } catch (IllegalArgumentException bad) {
                refusedFromRedis("seat");
            }
        }
        return seats;
    }

    @Override
    public void release(String roomKey, String peerId) {
        List<String> key = List.of(roomKey, peerId);
        try {
            ClusterScripts.RELEASE.<Long>run(redis(), ScriptOutputType.INTEGER, roomKey, peerId, instance)
                    .whenComplete((ok, failed) -> {
                        if (failed != null) {
                            pendingReleases.add(key);
                        } else {
                            pendingReleases.remove(key);
                        }
                    });
        } catch (DirectoryUnavailable down) {
            pendingReleases.add(key);
        }
    }

    @Override
    public void announceJoined(Collection<String> instances, String roomKey, String peerId, String name) {
        publish(instances, ClusterWire.joined(roomKey, peerId, name, instance));
    }

    @Override
    public void announceLeft(Collection<String> instances, String roomKey, String peerId) {
        publish(instances, ClusterWire.left(roomKey, peerId, instance));
    }

    private void publish(Collection<String> instances, String message) {
        for (String to : instances) {
            if (!to.equals(instance)) {
                try {
                    redis().publish(CHANNEL + to, message); // lost with Redis; the heartbeat's snapshot repairs it
                } catch (DirectoryUnavailable down) {
                    return;
                }
            }
        }
    }

    @Override
    public boolean deliver(String to, String roomKey, String peerId, String frame) {
        if (problem != null) {
            return false;
        }
        try {
            redis().publish(CHANNEL + to, ClusterWire.signal(roomKey, peerId, frame));
            return true;
        } catch (DirectoryUnavailable down) {
            return false;
        }
    }

    @Override
    public List<Outbound.RoomView> publicRooms() {
        return publicRooms;
    }

    @Override
    public void roomsChanged() {
        if (listPlanned.compareAndSet(false, true)) {
            try {
                reader.execute(() -> {
                    listPlanned.set(false);
                    refreshList();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // Closing.
            }
        }
    }

    /** On the heartbeat thread: connect if needed, renew liveness, read rooms and listing back. */
    private void beat() {
        if (closed) {
            return;
        }
        try {
            connectIfNeeded();
            Long wasRecovering = await(ClusterScripts.BEAT.<Long>run(redis(), ScriptOutputType.INTEGER, instance,
                    Long.toString(config.aliveFor().toMillis()), Long.toString(ttlMillis())));
            boolean nowRecovering = wasRecovering != null && wasRecovering == 1L;
            if (nowRecovering && !recovering) {
                LOG.warn("Redis at {} holds no seats (new, or restarted without its data): the instances "
                        + "restore theirs; new joins wait up to {} s", config.redisHost(), ttlMillis() / 1000.0);
            }
            recovering = nowRecovering;
            if (problem != null) {
                if (problem.startsWith("Redis has not")) {
                    LOG.info("Redis at {} answers", config.redisHost());
                } else {
                    LOG.info("Redis at {} answers again; this instance seats peers again", config.redisHost());
                }
                problem = null;
            }
            for (List<String> seat : List.copyOf(pendingReleases)) {
                release(seat.get(0), seat.get(1));
            }
        } catch (Exception failed) {
            down(failed);
        }
    }

    /** On the reader thread: this instance's rooms (re-asserting its seats) and the public list. */
    private void readBack() {
        if (closed || problem != null) {
            return;
        }
        try {
            List<CompletableFuture<?>> reads = new ArrayList<>();
            for (LocalRoom room : events.localRooms()) {
                reads.add(sync(room));
            }
            reads.add(refreshList());
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .get(COMMAND_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            // Whether Redis answers is the heartbeat's to say; a read that failed is repeated next time.
            long n = failedCommands.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("Reading this instance's rooms back from Redis failed ({} so far): {}", n, failed.toString());
            }
        }
    }

    private void down(Exception failed) {
        String cause = failed instanceof DirectoryUnavailable ? failed.getMessage() : failed.getClass().getSimpleName();
        if (problem == null || problem.startsWith("Redis has not")) {
            LOG.warn("Redis at {} does not answer ({}); new joins are refused until it does", config.redisHost(), cause);
        }
        problem = "Redis does not answer";
    }

    private void connectIfNeeded() throws DirectoryUnavailable {
        if (commands != null) {
            return; // Lettuce reconnects it, and re-subscribes the subscription, on its own
        }
        try {
            StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub(StringCodec.UTF8);
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received(message);
                }
            });
            sub.sync().subscribe(CHANNEL + instance);
            subscription = sub;
            commands = client.connect(StringCodec.UTF8);
        } catch (RuntimeException unreachable) {
            StatefulRedisPubSubConnection<String, String> sub = subscription;
            if (sub != null) {
                sub.closeAsync();
                subscription = null;
            }
            throw new DirectoryUnavailable("cannot connect: " + unreachable.getClass().getSimpleName());
        }
    }

    private CompletableFuture<?> sync(LocalRoom room) throws DirectoryUnavailable {
        List<String> args = new ArrayList<>(4 + 2 * room.seats().size());
        args.add(room.roomKey());
        args.add(instance);
        args.add(SeatCodec.meta(room.meta()));
        args.add(Long.toString(ttlMillis()));
        for (Seat seat : room.seats()) {
            args.add(seat.peerId());
            args.add(SeatCodec.seat(seat));
        }
        long asked = System.nanoTime();
        return ClusterScripts.SYNC.<List<Object>>run(redis(), ScriptOutputType.MULTI, args.toArray(String[]::new))
                .thenAccept(answer -> {
                    boolean storeRecovering = "1".equals(answer.get(0));
                    events.snapshot(room.roomKey(), seats(answer, 1), asked, storeRecovering);
                });
    }

    private CompletableFuture<?> refreshList() {
        try {
            return ClusterScripts.LIST.<List<Object>>run(redis(), ScriptOutputType.MULTI, instance,
                    Long.toString(config.heartbeat().toMillis()), Long.toString(ttlMillis()))
                    .thenAccept(answer -> {
                        List<Outbound.RoomView> rooms = new ArrayList<>(answer.size() / 2);
                        for (int i = 0; i + 1 < answer.size(); i += 2) {
                            try {
                                RoomMeta meta = SeatCodec.parseMeta((String) answer.get(i));
                                int members = Math.toIntExact((Long) answer.get(i + 1));
                                rooms.add(new Outbound.RoomView(meta.name(), members, meta.tags()));
                            } catch (RuntimeException bad) {
                                refusedFromRedis("listed room");
                            }
                        }
                        if (!rooms.equals(publicRooms)) {
                            publicRooms = List.copyOf(rooms);
                            events.listingChanged();
                        }
                    });
        } catch (DirectoryUnavailable down) {
            return CompletableFuture.failedFuture(down);
        }
    }

    /** On Lettuce's thread: one message from another instance. */
    private void received(String text) {
        Events to = events;
        if (to == null) {
            return;
        }
        if (text.length() > maxMessageChars) {
            refusedFromRedis("oversized message");
            return;
        }
        ClusterWire.Message message;
        try {
            message = ClusterWire.decode(text);
        } catch (IllegalArgumentException bad) {
            refusedFromRedis("message");
            return;
        }
        List<String> f = message.fields();
        try {
            switch (message.kind()) {
                case ClusterWire.JOINED -> {
                    if (SeatCodec.INSTANCE.matcher(f.get(3)).matches()) {
                        Seat seat = SeatCodec.seat(f.get(1), f.get(2), f.get(3));
                        to.joined(f.get(0), seat.peerId(), seat.name(), seat.instance());
                    }
                }
                case ClusterWire.LEFT -> {
                    if (SeatCodec.INSTANCE.matcher(f.get(2)).matches()) {
                        to.left(f.get(0), f.get(1), f.get(2));
                    }
                }
                case ClusterWire.SIGNAL -> to.signal(f.get(0), f.get(1), message.rest());
                default -> refusedFromRedis("message");
            }
        } catch (IllegalArgumentException bad) {
            refusedFromRedis("message");
        }
    }

    /** Logged without its content, and not every time: a flood must not flood the log. */
    private void refusedFromRedis(String what) {
        long n = malformed.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            LOG.warn("Ignored a malformed {} from Redis ({} so far)", what, n);
        }
    }

    @Override
    public void close() {
        closed = true;
        heartbeat.shutdownNow();
        reader.shutdownNow();
        // The seats stay until the heartbeat lapses, so this instance's peers can move to another one.
        StatefulRedisPubSubConnection<String, String> sub = subscription;
        if (sub != null) {
            sub.close();
        }
        StatefulRedisConnection<String, String> c = commands;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** For tests and metrics: messages refused from Redis since start. */
    public long malformedFromRedis() {
        return malformed.get();
    }
}
