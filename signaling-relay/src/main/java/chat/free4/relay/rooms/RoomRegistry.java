package chat.free4.relay.rooms;

import chat.free4.relay.ice.IceConfig;
import chat.free4.relay.ice.IceServerOffer;
import chat.free4.relay.metrics.RelayMetrics;
import chat.free4.relay.protocol.ErrorCode;
import chat.free4.relay.protocol.Inbound;
import chat.free4.relay.protocol.Outbound;
import chat.free4.relay.protocol.RefusedException;
import com.google.gson.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
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
    private final int maxRooms;
    private final int maxPeersPerRoom;
    private final RelayMetrics metrics;
    private final IceServerOffer iceServers;

    public RoomRegistry(int maxRooms, int maxPeersPerRoom, RelayMetrics metrics) {
        this(maxRooms, maxPeersPerRoom, metrics, new IceServerOffer(IceConfig.none(), Clock.systemUTC()));
    }

    public RoomRegistry(int maxRooms, int maxPeersPerRoom, RelayMetrics metrics, IceServerOffer iceServers) {
        this.maxRooms = maxRooms;
        this.maxPeersPerRoom = maxPeersPerRoom;
        this.metrics = metrics;
        this.iceServers = iceServers;
    }

    /**
     * Seats {@code channel} in the requested room, sends it {@code joined} and tells the others
     * {@code peer-joined}. With a matching secret it takes over an existing seat silently.
     */
    public Membership join(PeerChannel channel, Inbound.Join join) throws RefusedException {
        while (true) {
            Room found = rooms.get(join.room());
            Room room = found != null ? found : createRoom(join);
            PeerChannel replaced;
            Membership membership;
            synchronized (room) {
                if (room.closed) {
                    continue; // emptied and removed meanwhile; look again
                }
                String peerId = join.peerId().orElseGet(() -> freshPeerId(room));
                Member existing = room.members.get(peerId);
                if (existing != null) {
                    if (!existing.secretMatches(join.secretHash().orElse(null))) {
                        throw new RefusedException(ErrorCode.PEER_ID_TAKEN,
                                "Another peer in this room already uses this peer id.", "join");
                    }
                    replaced = existing.channel;
                    existing.channel = channel;
                    membership = new Membership(room, existing);
                    channel.send(Outbound.joined(room.name, peerId, room.viewsExcept(existing), maxPeersPerRoom,
                            iceServers.forPeer(peerId)));
                } else {
                    if (room.members.size() >= maxPeersPerRoom) {
                        throw new RefusedException(ErrorCode.ROOM_FULL,
                                "This room is full: it has " + maxPeersPerRoom + " peers.", "join");
                    }
                    for (Member m : room.members.values()) {
                        if (m.name.equals(join.name())) {
                            throw new RefusedException(ErrorCode.NAME_TAKEN,
                                    "Someone in this room already uses the name \"" + join.name() + "\".", "join");
                        }
                    }
                    Member member = new Member(peerId, join.name(), join.secretHash().orElse(null), channel);
                    room.sendToOthers(member, Outbound.peerJoined(member.view()));
                    List<Outbound.PeerView> others = room.viewsExcept(member);
                    room.members.put(peerId, member);
                    room.size = room.members.size();
                    channel.send(Outbound.joined(room.name, peerId, others, maxPeersPerRoom, iceServers.forPeer(peerId)));
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

    /** The {@code iceServers} for a seated peer, with TURN credentials minted now. */
    public com.google.gson.JsonArray iceServersFor(Membership membership) {
        return iceServers.forPeer(membership.peerId());
    }

    private Room createRoom(Inbound.Join join) throws RefusedException {
        Room fresh = new Room(join.room(), join.isPublic(), join.tags());
        // Reserve a slot first so that concurrent creators cannot pass the limit together.
        if (roomCount.incrementAndGet() > maxRooms) {
            roomCount.decrementAndGet();
            Room existing = rooms.get(join.room());
            if (existing != null) {
                return existing;
            }
            throw new RefusedException(ErrorCode.TOO_MANY_ROOMS,
                    "This relay has reached its limit of " + maxRooms + " rooms; try again later.", "join");
        }
        Room existing = rooms.putIfAbsent(join.room(), fresh);
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
    public boolean leave(PeerChannel channel, Membership membership, boolean tellOthers) {
        Room room = membership.room();
        Member member = membership.member();
        synchronized (room) {
            if (room.members.get(member.peerId) != member || member.channel != channel) {
                return false;
            }
            room.members.remove(member.peerId);
            room.size = room.members.size();
            if (tellOthers) {
                room.sendToOthers(member, Outbound.peerLeft(member.peerId));
            }
            if (room.members.isEmpty()) {
                room.closed = true;
                rooms.remove(room.name, room);
                roomCount.decrementAndGet();
                metrics.roomRemoved();
            }
            return true;
        }
    }

    /** Whether {@code channel} still holds the seat (it may have been taken over or left). */
    public boolean holds(PeerChannel channel, Membership membership) {
        synchronized (membership.room()) {
            return membership.room().members.get(membership.peerId()) == membership.member()
                    && membership.member().channel == channel;
        }
    }

    /** Passes {@code payload} to exactly one other peer of the sender's room. */
    public void forward(PeerChannel channel, Membership membership, String to, JsonObject payload)
            throws RefusedException {
        Room room = membership.room();
        Member self = membership.member();
        String json = Outbound.signal(self.peerId, payload);
        synchronized (room) {
            if (room.members.get(self.peerId) != self || self.channel != channel) {
                throw new RefusedException(ErrorCode.NOT_JOINED, "You are not in a room.", "signal");
            }
            Member target = room.members.get(to);
            if (target == null || target == self) {
                throw new RefusedException(ErrorCode.UNKNOWN_PEER,
                        "There is no other peer with this id in your room.", "signal");
            }
            metrics.messageForwarded(); // counted before the addressee can see it
            target.channel.send(json);
        }
    }

    /** Public rooms, hottest first, then by name; filtered by tag and paged. */
    public String list(Inbound.ListRooms request) {
        List<Outbound.RoomView> matching = new ArrayList<>();
        for (Room room : rooms.values()) {
            if (room.isPublic && (request.tag().isEmpty() || room.tags.contains(request.tag().get()))) {
                Outbound.RoomView view = room.listing();
                if (view.members() > 0) {
                    matching.add(view);
                }
            }
        }
        matching.sort(HOTTEST_FIRST);
        int from = Math.min(request.offset(), matching.size());
        int to = Math.min(from + request.limit(), matching.size());
        return Outbound.rooms(matching.subList(from, to), matching.size(), request.offset());
    }

    /** Rooms with at least one peer. */
    public int size() {
        return roomCount.get();
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
