package chat.free4.relay.rooms;

import chat.free4.relay.ice.IceConfig;
import chat.free4.relay.ice.IceServerOffer;
import chat.free4.relay.limits.FailedAttempts;
import chat.free4.relay.limits.TokenBucket;
import chat.free4.relay.metrics.RelayMetrics;
import chat.free4.relay.protocol.ErrorCode;
import chat.free4.relay.protocol.Inbound;
import chat.free4.relay.protocol.NameSkeleton;
import chat.free4.relay.protocol.Outbound;
import chat.free4.relay.protocol.RefusedException;
import chat.free4.relay.protocol.Utf8;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All rooms of the relay, in memory only. A room exists while it has a peer and is forgotten when
 * its last peer leaves. Locking is per room (see {@link Room}); the map itself is concurrent.
 */
public final class RoomRegistry {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Comparator<Outbound.RoomView> HOTTEST_FIRST =
            Comparator.comparingInt(Outbound.RoomView::members).reversed().thenComparing(Outbound.RoomView::room);

    private final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger roomCount = new AtomicInteger();
    private final RoomListing listing = new RoomListing();
    private final int maxRooms;
    private final int maxPeersPerRoom;
    private final RelayMetrics metrics;
    private final IceServerOffer iceServers;
    private final Duration seatGrace;
    private final Timer timer;
    /** Largest frame the relay may write; a forwarded signal re-encoded past it would be lost. */
    private final int maxForwardBytes;
    /** Wrong password answers a remote address may give: 5, then one per 12 s (decision 0018). */
    public static final int ADDRESS_FAILURE_BURST = 5;
    public static final double ADDRESS_FAILURES_PER_SECOND = 1.0 / 12;
    /** Wrong password answers one room takes from everyone together: 20, then one per 3 s. */
    public static final int ROOM_FAILURE_BURST = 20;
    public static final double ROOM_FAILURES_PER_SECOND = 1.0 / 3;
    private final FailedAttempts addressFailures = new FailedAttempts(ADDRESS_FAILURE_BURST, ADDRESS_FAILURES_PER_SECOND);
    /** Null on a single relay; in a cluster, what seats, signals and listing do beyond this process. */
    private final SharedRooms shared;

    /** Runs a task later on a thread that holds no room lock. */
    public interface Timer {
        void schedule(Runnable task, long delayMillis);
    }

    public RoomRegistry(int maxRooms, int maxPeersPerRoom, RelayMetrics metrics) {
        this(maxRooms, maxPeersPerRoom, metrics, new IceServerOffer(IceConfig.none(), Clock.systemUTC()),
                Duration.ZERO, (task, delay) -> { }, Integer.MAX_VALUE);
    }

    /**
     * @param seatGrace how long the seat of a peer whose connection dropped stays reserved for its
     *                  secret (its {@code peer-left} waits as long); zero frees seats at once
     * @param timer     where the end of a reservation is checked
     * @param maxForwardBytes the largest frame the relay writes (UTF-8 bytes)
     */
    public RoomRegistry(int maxRooms, int maxPeersPerRoom, RelayMetrics metrics, IceServerOffer iceServers,
                        Duration seatGrace, Timer timer, int maxForwardBytes) {
        this(maxRooms, maxPeersPerRoom, metrics, iceServers, seatGrace, timer, maxForwardBytes, SeatDirectory.IN_MEMORY);
    }

    /** @param directory where seats are shared with other instances; {@link SeatDirectory#IN_MEMORY} for none */
    public RoomRegistry(int maxRooms, int maxPeersPerRoom, RelayMetrics metrics, IceServerOffer iceServers,
                        Duration seatGrace, Timer timer, int maxForwardBytes, SeatDirectory directory) {
        this.shared = directory.shared() ? new SharedRooms(this, directory) : null;
        this.maxForwardBytes = maxForwardBytes;
        this.maxRooms = maxRooms;
        this.maxPeersPerRoom = maxPeersPerRoom;
        this.metrics = metrics;
        this.iceServers = iceServers;
        this.seatGrace = seatGrace;
        this.timer = timer;
    }

    /**
     * Seats {@code channel} in the requested room, sends it {@code joined} and tells the others
     * {@code peer-joined}. With a matching secret it takes over an existing seat silently.
     */
    public Membership join(MemberOutbox channel, Inbound.Join join) throws RefusedException {
        return join(channel, join, null, null);
    }

    /**
     * As {@link #join(MemberOutbox, Inbound.Join)}, for a room that may have a password: a join
     * into a password room must answer {@code nonce} (this connection's challenge, used once) with
     * a signature by the room's verifier, and is refused before anyone hears of it otherwise.
     *
     * @param nonce   the challenge this connection was given, or null if it asked for none (or it expired)
     * @param address the remote address, for the limit on wrong answers; null if unknown
     */
    public Membership join(MemberOutbox channel, Inbound.Join join, byte[] nonce, InetAddress address)
            throws RefusedException {
        if (shared != null) {
            return shared.join(channel, join, nonce, address);
        }
        String roomKey = NameSkeleton.of(join.room());
        String nameKey = NameSkeleton.of(join.name());
        RoomPassword offered = offeredPassword(join, nonce);
        boolean proofChecked = false;
        while (true) {
            Room found = rooms.get(roomKey);
            if (found == null && offered != null && !proofChecked) {
                // The creator proves it holds the key it registers, so nobody opens a room no one can enter.
                checkAnswer(offered, null, join, nonce, address);
                proofChecked = true;
            }
            Room room = found != null ? found : createRoom(join, roomKey, offered);
            if (room.password == null && offered != null) {
                throw new RefusedException(ErrorCode.NOT_PASSWORD_PROTECTED, "A room with this name is already open "
                        + "without a password; pick another name for a room with a password.", "join");
            }
            if (room.password != null && room.password != offered) {
                if (join.password().isEmpty()) {
                    throw new RefusedException(ErrorCode.PASSWORD_REQUIRED, "This room needs a password.", "join");
                }
                checkAnswer(room.password, room, join, nonce, address);
            }
            MemberOutbox replaced;
            Membership membership;
            synchronized (room) {
                if (room.closed) {
                    continue; // emptied and removed meanwhile; look again
                }
                String peerId = join.peerId().orElseGet(() -> freshPeerId(room));
                Member existing = room.members.get(peerId);
                if (existing != null) {
                    if (!existing.secretMatches(join.secretHash().orElse(null))) {
                        if (existing.reserved()) {
                            throw new RefusedException(ErrorCode.PEER_ID_TAKEN, "This peer id's seat is kept for "
                                    + "the peer that just lost its connection; try again later.", "join",
                                    secondsLeft(existing));
                        }
                        throw new RefusedException(ErrorCode.PEER_ID_TAKEN,
                                "Another peer in this room already uses this peer id.", "join");
                    }
                    replaced = existing.channel;
                    existing.channel = channel;
                    existing.reservedUntilNanos = 0;
                    membership = new Membership(room, existing);
                    channel.send(Outbound.joined(room.name, room.isPublic, peerId, room.viewsExcept(existing), maxPeersPerRoom,
                            iceServers.forPeer(peerId)));
                } else {
                    if (room.members.size() >= maxPeersPerRoom) {
                        throw new RefusedException(ErrorCode.ROOM_FULL,
                                "This room is full: it has " + maxPeersPerRoom + " peers.", "join");
                    }
                    for (Member m : room.members.values()) {
                        if (m.nameKey.equals(nameKey)) {
                            throw new RefusedException(ErrorCode.NAME_TAKEN,
                                    "Someone in this room already uses the name \"" + m.name + "\".", "join",
                                    m.reserved() ? secondsLeft(m) : 0);
                        }
                    }
                    Member member = new Member(peerId, join.name(), nameKey, join.secretHash().orElse(null), channel);
                    room.sendToOthers(member, Outbound.peerJoined(member.view()));
                    List<Outbound.PeerView> others = room.viewsExcept(member);
                    room.members.put(peerId, member);
                    room.size = room.members.size();
                    listing.changed();
                    channel.send(Outbound.joined(room.name, room.isPublic, peerId, others, maxPeersPerRoom, iceServers.forPeer(peerId)));
                    replaced = null;
                    membership = new Membership(room, member);
                }
            }
            if (replaced != null) {
                replaced.replaced(); // outside the lock: closing may call back into leave()
            }
            return membership;
        }
    }

    /** The verifier a join registers or answers with, or null for a join without a password. */
    static RoomPassword offeredPassword(Inbound.Join join, byte[] nonce) throws RefusedException {
        if (join.password().isEmpty()) {
            return null;
        }
        if (nonce == null) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE, "Ask for a \"challenge\" and answer it in the "
                    + "join; each challenge serves one join, for 30 seconds.", "join");
        }
        RoomPassword offered = RoomPassword.of(join.password().get().verifier());
        if (offered == null) {
            throw new RefusedException(ErrorCode.BAD_MESSAGE, "\"password.verifier\" is not an Ed25519 key.",
                    "join");
        }
        return offered;
    }

    /** The {@code iceServers} for a seated peer, with TURN credentials minted now. */
    public com.google.gson.JsonArray iceServersFor(Membership membership) {
        return iceServers.forPeer(membership.peerId());
    }

    /**
     * Refuses a wrong answer; too many wrong answers from this address or for this room are refused
     * before the signature is looked at, so a guesser learns nothing from them.
     */
    void checkAnswer(RoomPassword verifier, Room room, Inbound.Join join, byte[] nonce, InetAddress address)
            throws RefusedException {
        int wait = Math.max(addressFailures.secondsUntilAllowed(address),
                room == null ? 0 : room.failures.secondsUntilToken());
        if (wait > 0) {
            throw new RefusedException(ErrorCode.TOO_MANY_ATTEMPTS, "Too many wrong passwords; try again in "
                    + wait + " seconds.", "join", wait);
        }
        Inbound.PasswordAnswer answer = join.password().orElseThrow();
        if (!verifier.verifies(nonce, join.room(), join.peerId().orElseThrow(), answer.signature())) {
            addressFailures.failed(address);
            if (room != null) {
                room.failures.tryTake();
            }
            throw new RefusedException(ErrorCode.WRONG_PASSWORD, "The password is wrong for this room.", "join");
        }
    }

    private Room createRoom(Inbound.Join join, String key, RoomPassword password) throws RefusedException {
        return createRoom(newRoom(join.room(), key, join.isPublic(), join.tags(), password));
    }

    static Room newRoom(String name, String key, boolean isPublic, List<String> tags, RoomPassword password) {
        return password == null ? new Room(name, key, isPublic, tags)
                : new Room(name, key, false, tags, password, new TokenBucket(ROOM_FAILURE_BURST, ROOM_FAILURES_PER_SECOND));
    }

    /** Files {@code fresh} unless a room with its key exists (that one is returned) or the limit is reached. */
    Room createRoom(Room fresh) throws RefusedException {
        String key = fresh.key;
        // Reserve a slot first so that concurrent creators cannot pass the limit together.
        if (roomCount.incrementAndGet() > maxRooms) {
            roomCount.decrementAndGet();
            Room existing = rooms.get(key);
            if (existing != null) {
                return existing;
            }
            throw new RefusedException(ErrorCode.TOO_MANY_ROOMS,
                    "This relay has reached its limit of " + maxRooms + " rooms; try again later.", "join");
        }
        Room existing = rooms.putIfAbsent(key, fresh);
        if (existing != null) {
            roomCount.decrementAndGet();
            return existing;
        }
        metrics.roomCreated();
        return fresh;
    }

    /**
     * Removes the seat if {@code channel} still holds it, tells the others {@code peer-left}, and
     * forgets the room when it becomes empty. Idempotent.
     *
     * @param tellOthers false while the relay shuts down: the peers' calls go on without it, and a
     *                   {@code peer-left} would make them hang up
     * @return true if the seat was removed
     */
    public boolean leave(MemberOutbox channel, Membership membership, boolean tellOthers) {
        Room room = membership.room();
        Member member = membership.member();
        synchronized (room) {
            if (room.members.get(member.peerId) != member || member.channel != channel) {
                return false;
            }
            remove(room, member, tellOthers);
            return true;
        }
    }

    /**
     * The connection holding the seat dropped (no {@code leave}). A seat with a secret stays
     * reserved for that secret for the grace period, so nobody else can take its peer id or name
     * while its owner reconnects; the others hear {@code peer-left} only when the grace ends.
     */
    public void dropped(MemberOutbox channel, Membership membership) {
        Member member = membership.member();
        if (seatGrace.isZero() || !member.hasSecret()) {
            leave(channel, membership, true);
            return;
        }
        Room room = membership.room();
        synchronized (room) {
            if (room.members.get(member.peerId) != member || member.channel != channel) {
                return;
            }
            member.channel = null;
            member.reservedUntilNanos = System.nanoTime() + seatGrace.toNanos();
        }
        timer.schedule(() -> endReservation(room, member), seatGrace.toMillis());
    }

    private void endReservation(Room room, Member member) {
        long leftNanos;
        synchronized (room) {
            if (room.members.get(member.peerId) != member || !member.reserved()) {
                return; // reclaimed, or gone otherwise
            }
            leftNanos = member.reservedUntilNanos - System.nanoTime();
            if (leftNanos <= 0) {
                remove(room, member, true);
                return;
            }
        }
        // Reclaimed and dropped again since this check was planned, or the timer was early.
        timer.schedule(() -> endReservation(room, member), Math.max(1, leftNanos / 1_000_000));
    }

    /** Caller holds the room's lock. */
    private void remove(Room room, Member member, boolean tellOthers) {
        room.members.remove(member.peerId);
        room.size = room.members.size();
        listing.changed();
        if (tellOthers) {
            room.sendToOthers(member, Outbound.peerLeft(member.peerId));
        }
        if (shared != null) {
            shared.removed(room, member, tellOthers);
        }
        forgetIfEmpty(room);
    }

    /** Caller holds the room's lock. A room without local peers leaves this process (its remote peers go on). */
    void forgetIfEmpty(Room room) {
        if (room.members.isEmpty() && !room.closed) {
            room.closed = true;
            rooms.remove(room.key, room);
            roomCount.decrementAndGet();
            metrics.roomRemoved();
        }
    }

    /** Caller holds the room's lock. Rounded up, at least 1. */
    private static int secondsLeft(Member reserved) {
        long left = reserved.reservedUntilNanos - System.nanoTime();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999_999L) / 1_000_000_000L));
    }

    /** Whether {@code channel} still holds the seat (it may have been taken over or left). */
    public boolean holds(MemberOutbox channel, Membership membership) {
        synchronized (membership.room()) {
            return membership.room().members.get(membership.peerId()) == membership.member()
                    && membership.member().channel == channel;
        }
    }

    /** Passes {@code payload} to exactly one other peer of the sender's room. */
    public void forward(MemberOutbox channel, Membership membership, String to, String payload)
            throws RefusedException {
        Room room = membership.room();
        Member self = membership.member();
        String json = Outbound.signal(self.peerId, payload);
        int bytes = Utf8.length(json);
        if (bytes > maxForwardBytes) {
            // The payload goes on as it came; only a signal the general parser had to re-write (one
            // with unusual field names) can grow (U+2028 becomes \u2028, 3 bytes to 6): say so
            // rather than let the frame be refused on its way out, unseen by both ends.
            throw new RefusedException(ErrorCode.SIGNAL_TOO_LARGE, "This signal would be larger than the relay's "
                    + "frame limit once forwarded (" + maxForwardBytes + " bytes); it was not sent. Send less, "
                    + "or fewer line or paragraph separators (U+2028, U+2029), which are forwarded as 6 bytes each.",
                    "signal");
        }
        synchronized (room) {
            if (room.members.get(self.peerId) != self || self.channel != channel) {
                throw new RefusedException(ErrorCode.NOT_JOINED, "You are not in a room.", "signal");
            }
            Member target = room.members.get(to);
            if (target == null && shared != null && shared.forward(room, to, json)) {
                return; // the addressee is on another instance
            }
            if (target == null || target == self) {
                throw new RefusedException(ErrorCode.UNKNOWN_PEER,
                        "There is no other peer with this id in your room.", "signal");
            }
            if (target.reserved()) {
                return; // its owner is reconnecting; the mesh repairs what is lost meanwhile
            }
            metrics.messageForwarded(); // counted before the addressee can see it
            target.channel.send(json, bytes);
        }
    }

    /** Public rooms, hottest first, then by name; filtered by tag and paged. Sorted once per change. */
    public String list(Inbound.ListRooms request) {
        String tag = request.tag().orElse("");
        List<Outbound.RoomView> matching = listing.sorted(tag, () -> scan(tag));
        int from = Math.min(request.offset(), matching.size());
        int to = Math.min(from + request.limit(), matching.size());
        return Outbound.rooms(matching.subList(from, to), matching.size(), request.offset());
    }

    private List<Outbound.RoomView> scan(String tag) {
        if (shared != null) {
            return shared.scan(tag, HOTTEST_FIRST);
        }
        List<Outbound.RoomView> matching = new ArrayList<>();
        for (Room room : rooms.values()) {
            if (room.isPublic && (tag.isEmpty() || room.tags.contains(tag))) {
                Outbound.RoomView view = room.listing();
                if (view.members() > 0) {
                    matching.add(view);
                }
            }
        }
        matching.sort(HOTTEST_FIRST);
        return matching;
    }

    /** How many times the room list was scanned and sorted since start. */
    public long listBuilds() {
        return listing.builds();
    }

    /** Rooms with at least one peer. */
    public int size() {
        return roomCount.get();
    }

    /** The local room filed under {@code key}, or null. */
    Room room(String key) {
        return rooms.get(key);
    }

    /** The local rooms, for the cluster's heartbeat. */
    java.util.Collection<Room> localRooms() {
        return rooms.values();
    }

    int maxPeersPerRoom() {
        return maxPeersPerRoom;
    }

    IceServerOffer iceServers() {
        return iceServers;
    }

    RelayMetrics metrics() {
        return metrics;
    }

    /** Whatever the room list shows must be read again. */
    void listingChanged() {
        listing.changed();
    }

    /** What is wrong with the cluster's store, in words, or null (always null on a single relay). */
    public String clusterProblem() {
        return shared == null ? null : shared.problem();
    }

    /** Rooms this relay holds with the rest of the cluster; nothing on a single relay. Called once at start. */
    public void startSharing() {
        if (shared != null) {
            shared.start();
        }
    }

    static String randomPeerId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String freshPeerId(Room room) {
        String id;
        do {
            byte[] bytes = new byte[12];
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (room.members.containsKey(id));
        return id;
    }
}
