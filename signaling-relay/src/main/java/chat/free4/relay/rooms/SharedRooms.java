package chat.free4.relay.rooms;

import chat.free4.relay.protocol.ErrorCode;
import chat.free4.relay.protocol.Inbound;
import chat.free4.relay.protocol.NameSkeleton;
import chat.free4.relay.protocol.Outbound;
import chat.free4.relay.protocol.RefusedException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry's rooms when several relay instances share them through a {@link SeatDirectory}
 * (decision 0026). Seats are claimed in the directory first, so room limits hold across
 * instances; each local room keeps the peers seated elsewhere in {@link Room#remote}, learnt from
 * the claim, from other instances' announcements and from the heartbeat's snapshots, and tells its
 * local peers {@code peer-joined} / {@code peer-left} for them exactly as for local peers.
 */
final class SharedRooms implements SeatDirectory.Events {
    /** How long a peer of another instance that left is not brought back by an older snapshot. */
    private static final long LEFT_MEMORY_NANOS = 60_000_000_000L;
    /** A room changed under a join this many times in a row: give up rather than loop. */
    private static final int CLAIM_ATTEMPTS = 4;
    static final int RETRY_AFTER_SECONDS = 5;

    private final RoomRegistry registry;
    private final SeatDirectory directory;
    private final String self;
    /** Seats claimed in the directory and not yet filled here ("room key" + '\n' + peer id). */
    private final Set<String> claiming = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SharedRooms(RoomRegistry registry, SeatDirectory directory) {
        this.registry = registry;
        this.directory = directory;
        this.self = directory.instance();
    }

    void start() {
        directory.attach(this);
    }

    String problem() {
        return directory.problem();
    }

    private static RefusedException unavailable() {
        return new RefusedException(ErrorCode.CLUSTER_UNAVAILABLE, "The relay cannot reach the store it shares rooms "
                + "through, so it cannot seat anyone right now; try again in a moment.", "join", RETRY_AFTER_SECONDS);
    }

    Membership join(MemberOutbox channel, Inbound.Join join, byte[] nonce, InetAddress address) throws RefusedException {
        if (directory.problem() != null) {
            throw unavailable();
        }
        String roomKey = NameSkeleton.of(join.room());
        String nameKey = NameSkeleton.of(join.name());
        RoomPassword offered = RoomRegistry.offeredPassword(join, nonce);
        String peerId = join.peerId().orElseGet(RoomRegistry::randomPeerId);
        String secret = join.secretHash().map(h -> java.util.HexFormat.of().formatHex(h)).orElse("");
        boolean proofChecked = false;
        try {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                long askedNanos = System.nanoTime();
                SeatDirectory.RoomMeta meta = directory.lookup(roomKey);
                byte[] expected;
                if (meta == null) {
                    if (offered != null && !proofChecked) {
                        // The creator proves it holds the key it registers, as on a single relay.
                        registry.checkAnswer(offered, null, join, nonce, address);
                        proofChecked = true;
                    }
                    expected = offered == null ? null : offered.raw();
                } else {
                    RoomPassword verifier = meta.verifier() == null ? null : RoomPassword.of(meta.verifier());
                    if (verifier == null && offered != null) {
                        throw new RefusedException(ErrorCode.NOT_PASSWORD_PROTECTED, "A room with this name is already "
                                + "open without a password; pick another name for a room with a password.", "join");
                    }
                    if (verifier != null) {
                        if (join.password().isEmpty()) {
                            throw new RefusedException(ErrorCode.PASSWORD_REQUIRED, "This room needs a password.", "join");
                        }
                        if (!(proofChecked && Arrays.equals(offered.raw(), meta.verifier()))) {
                            registry.checkAnswer(verifier, registry.room(roomKey), join, nonce, address);
                            proofChecked = true;
                        }
                    }
                    expected = meta.verifier();
                }
                SeatDirectory.RoomMeta create = new SeatDirectory.RoomMeta(join.room(), offered == null && join.isPublic(),
                        join.tags(), offered == null ? null : offered.raw());
                SeatDirectory.Seat seat = new SeatDirectory.Seat(peerId, join.name(), nameKey, self, secret);
                String claim = roomKey + '\n' + peerId;
                claiming.add(claim);
                SeatDirectory.Claimed claimed;
                try {
                    claimed = directory.claim(new SeatDirectory.Claim(roomKey, seat, create, expected,
                            registry.maxPeersPerRoom()));
                } catch (SeatDirectory.DirectoryUnavailable | RuntimeException failed) {
                    claiming.remove(claim);
                    throw failed;
                }
                if (claimed.outcome() != SeatDirectory.Outcome.SEATED) {
                    claiming.remove(claim);
                }
                switch (claimed.outcome()) {
                    case ROOM_CHANGED:
                        continue; // opened or closed elsewhere meanwhile: look again
                    case ROOM_FULL:
                        throw new RefusedException(ErrorCode.ROOM_FULL,
                                "This room is full: it has " + registry.maxPeersPerRoom() + " peers.", "join");
                    case NAME_TAKEN:
                        throw new RefusedException(ErrorCode.NAME_TAKEN,
                                "Someone in this room already uses the name \"" + claimed.takenName() + "\".", "join");
                    case PEER_ID_TAKEN:
                        throw new RefusedException(ErrorCode.PEER_ID_TAKEN,
                                "Another peer in this room already uses this peer id.", "join");
                    case RECOVERING:
                        throw unavailable();
                    case SEATED:
                    default:
                        try {
                            return seat(channel, roomKey, seat, join.secretHash().orElse(null), claimed, askedNanos);
                        } finally {
                            claiming.remove(claim);
                        }
                }
            }
        } catch (SeatDirectory.DirectoryUnavailable down) {
            throw unavailable();
        }
        throw new RefusedException(ErrorCode.CLUSTER_UNAVAILABLE, "This room kept changing while you joined; "
                + "try again in a moment.", "join", 1);
    }

    /** The seat is claimed in the directory; now seat the connection in the local room. */
    private Membership seat(MemberOutbox channel, String roomKey, SeatDirectory.Seat seat, byte[] secretHash,
                            SeatDirectory.Claimed claimed, long askedNanos) throws RefusedException {
        SeatDirectory.RoomMeta meta = claimed.meta();
        while (true) {
            Room room = registry.room(roomKey);
            if (room == null) {
                RoomPassword password = meta.verifier() == null ? null : RoomPassword.of(meta.verifier());
                try {
                    room = registry.createRoom(RoomRegistry.newRoom(meta.name(), roomKey, meta.isPublic(), meta.tags(),
                            password));
                } catch (RefusedException tooMany) {
                    directory.release(roomKey, seat.peerId());
                    throw tooMany;
                }
            }
            MemberOutbox replaced;
            Membership membership;
            synchronized (room) {
                if (room.closed) {
                    continue; // emptied meanwhile; the claim stands, file a fresh local room
                }
                Member existing = room.members.get(seat.peerId());
                // A peer whose seat was on another instance: its session continues here, the others knew it already.
                boolean moved = existing == null && room.remote.remove(seat.peerId()) != null;
                applySnapshot(room, claimed.others(), askedNanos, false);
                List<Outbound.PeerView> others;
                if (existing != null) {
                    replaced = existing.channel; // a takeover on this instance, as on a single relay
                    existing.channel = channel;
                    existing.reservedUntilNanos = 0;
                    membership = new Membership(room, existing);
                    others = views(room, existing);
                } else {
                    Member member = new Member(seat.peerId(), seat.name(), seat.nameKey(), secretHash, channel);
                    if (!moved) {
                        room.sendToOthers(member, Outbound.peerJoined(member.view()));
                    }
                    others = views(room, member);
                    room.members.put(seat.peerId(), member);
                    room.size = room.members.size();
                    registry.listingChanged();
                    replaced = null;
                    membership = new Membership(room, member);
                }
                // Announced before the joiner hears it is in: peers that join after it are announced later.
                Set<String> tell = instancesOf(room);
                if (!claimed.previousInstance().isEmpty() && !claimed.previousInstance().equals(self)) {
                    tell.add(claimed.previousInstance()); // it closes the old connection
                }
                directory.announceJoined(tell, roomKey, seat.peerId(), seat.name());
                channel.send(Outbound.joined(room.name, room.isPublic, seat.peerId(), others,
                        registry.maxPeersPerRoom(), registry.iceServers().forPeer(seat.peerId())));
            }
            directory.roomsChanged();
            if (replaced != null) {
                replaced.replaced();
            }
            return membership;
        }
    }

    /** Caller holds the room's lock: local peers first (join order), then the other instances'. */
    private static List<Outbound.PeerView> views(Room room, Member self) {
        List<Outbound.PeerView> views = room.viewsExcept(self);
        room.remote.forEach((peerId, peer) -> views.add(new Outbound.PeerView(peerId, peer.name())));
        return views;
    }

    private static Set<String> instancesOf(Room room) {
        Set<String> instances = new LinkedHashSet<>();
        room.remote.values().forEach(peer -> instances.add(peer.instance()));
        return instances;
    }

    /** Caller holds the room's lock; the local seat is already gone. */
    void removed(Room room, Member member, boolean tellOthers) {
        if (!tellOthers) {
            return; // the relay stops: its seats stay until its heartbeat lapses, so sessions can move on
        }
        directory.release(room.key, member.peerId);
        directory.announceLeft(instancesOf(room), room.key, member.peerId);
        directory.roomsChanged();
        if (room.members.isEmpty()) {
            room.remote.clear();
        }
    }

    /** Caller holds the room's lock. True if {@code to} sits on another instance and the signal went there. */
    boolean forward(Room room, String to, String frame) throws RefusedException {
        Room.RemotePeer peer = room.remote.get(to);
        if (peer == null) {
            return false;
        }
        if (!directory.deliver(peer.instance(), room.key, to, frame)) {
            throw new RefusedException(ErrorCode.CLUSTER_UNAVAILABLE, "This peer is on another instance of the relay, "
                    + "which cannot be reached right now; the signal was not sent.", "signal", RETRY_AFTER_SECONDS);
        }
        registry.metrics().messageForwarded();
        return true;
    }

    List<Outbound.RoomView> scan(String tag, Comparator<Outbound.RoomView> order) {
        List<Outbound.RoomView> matching = new ArrayList<>();
        for (Outbound.RoomView view : directory.publicRooms()) {
            if (view.members() > 0 && (tag.isEmpty() || view.tags().contains(tag))) {
                matching.add(view);
            }
        }
        matching.sort(order);
        return matching;
    }

    // ---- what other instances and the heartbeat tell this one ----

    @Override
    public void joined(String roomKey, String peerId, String name, String instance) {
        Room room = registry.room(roomKey);
        if (room == null || instance.equals(self)) {
            return;
        }
        MemberOutbox replaced = null;
        synchronized (room) {
            if (room.closed) {
                return;
            }
            Member local = room.members.get(peerId);
            if (local != null) {
                // Its owner rejoined on another instance with its secret: the session moved there.
                replaced = local.channel;
                room.members.remove(peerId);
                room.size = room.members.size();
                room.remote.put(peerId, new Room.RemotePeer(local.name, instance, System.nanoTime()));
                registry.listingChanged();
                registry.forgetIfEmpty(room);
            } else {
                Room.RemotePeer known = room.remote.put(peerId, new Room.RemotePeer(name, instance, System.nanoTime()));
                room.leftNanos.remove(peerId);
                if (known == null) {
                    room.sendToOthers(null, Outbound.peerJoined(new Outbound.PeerView(peerId, name)));
                }
            }
        }
        if (replaced != null) {
            replaced.replaced();
        }
    }

    @Override
    public void left(String roomKey, String peerId, String instance) {
        Room room = registry.room(roomKey);
        if (room == null) {
            return;
        }
        synchronized (room) {
            Room.RemotePeer known = room.remote.get(peerId);
            if (!room.closed && known != null && known.instance().equals(instance)) {
                forgetRemote(room, peerId);
            }
        }
    }

    /** Caller holds the lock. */
    private void forgetRemote(Room room, String peerId) {
        room.remote.remove(peerId);
        room.leftNanos.put(peerId, System.nanoTime());
        room.sendToOthers(null, Outbound.peerLeft(peerId));
    }

    @Override
    public void signal(String roomKey, String to, String frame) {
        Room room = registry.room(roomKey);
        if (room == null) {
            return;
        }
        synchronized (room) {
            Member target = room.members.get(to);
            if (target != null && target.channel != null) {
                target.channel.send(frame);
            }
        }
    }

    @Override
    public List<SeatDirectory.LocalRoom> localRooms() {
        List<SeatDirectory.LocalRoom> out = new ArrayList<>();
        for (Room room : registry.localRooms()) {
            synchronized (room) {
                if (room.closed || room.members.isEmpty()) {
                    continue;
                }
                List<SeatDirectory.Seat> seats = new ArrayList<>(room.members.size());
                for (Member m : room.members.values()) {
                    seats.add(new SeatDirectory.Seat(m.peerId, m.name, m.nameKey, self, m.secretHashHex()));
                }
                out.add(new SeatDirectory.LocalRoom(room.key, new SeatDirectory.RoomMeta(room.name, room.isPublic,
                        room.tags, room.password == null ? null : room.password.raw()), seats));
            }
        }
        return out;
    }

    @Override
    public void snapshot(String roomKey, List<SeatDirectory.Seat> seats, long askedNanos, boolean recovering) {
        Room room = registry.room(roomKey);
        if (room == null) {
            releaseStale(roomKey, seats, Map.of());
            return;
        }
        List<MemberOutbox> replaced = new ArrayList<>();
        synchronized (room) {
            if (room.closed) {
                releaseStale(roomKey, seats, Map.of());
                return;
            }
            releaseStale(roomKey, seats, room.members);
            for (SeatDirectory.Seat seat : seats) {
                Member local = room.members.get(seat.peerId());
                if (local != null && !seat.instance().equals(self)) {
                    // Moved to another instance and its announcement was lost.
                    if (local.channel != null) {
                        replaced.add(local.channel);
                    }
                    room.members.remove(seat.peerId());
                    room.size = room.members.size();
                    registry.listingChanged();
                }
            }
            applySnapshot(room, seats, askedNanos, recovering);
            registry.forgetIfEmpty(room);
        }
        replaced.forEach(MemberOutbox::replaced);
    }

    /** This instance's seats without their peer (it left while the heartbeat re-asserted them) are freed. */
    private void releaseStale(String roomKey, List<SeatDirectory.Seat> seats, Map<String, Member> local) {
        for (SeatDirectory.Seat seat : seats) {
            if (seat.instance().equals(self) && !local.containsKey(seat.peerId())
                    && !claiming.contains(roomKey + '\n' + seat.peerId())) {
                directory.release(roomKey, seat.peerId());
            }
        }
    }

    /**
     * Caller holds the lock. Brings {@link Room#remote} to {@code seats}, telling local peers of each
     * difference. News newer than the snapshot wins: a peer seen leaving after it was read is not
     * brought back, and one seen joining after it is not dropped.
     */
    private void applySnapshot(Room room, List<SeatDirectory.Seat> seats, long askedNanos, boolean recovering) {
        Set<String> present = new HashSet<>();
        for (SeatDirectory.Seat seat : seats) {
            if (seat.instance().equals(self)) {
                continue;
            }
            present.add(seat.peerId());
            Room.RemotePeer known = room.remote.get(seat.peerId());
            if (known != null) {
                if (!known.instance().equals(seat.instance())) {
                    room.remote.put(seat.peerId(), new Room.RemotePeer(known.name(), seat.instance(), known.sinceNanos()));
                }
                continue;
            }
            Long left = room.leftNanos.get(seat.peerId());
            if (room.members.containsKey(seat.peerId()) || (left != null && left - askedNanos > 0)) {
                continue;
            }
            room.remote.put(seat.peerId(), new Room.RemotePeer(seat.name(), seat.instance(), System.nanoTime()));
            room.leftNanos.remove(seat.peerId());
            room.sendToOthers(null, Outbound.peerJoined(new Outbound.PeerView(seat.peerId(), seat.name())));
        }
        if (!recovering) {
            for (Iterator<Map.Entry<String, Room.RemotePeer>> it = room.remote.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Room.RemotePeer> entry = it.next();
                if (!present.contains(entry.getKey()) && askedNanos - entry.getValue().sinceNanos() > 0) {
                    it.remove();
                    room.leftNanos.put(entry.getKey(), System.nanoTime());
                    room.sendToOthers(null, Outbound.peerLeft(entry.getKey()));
                }
            }
        }
        long now = System.nanoTime();
        room.leftNanos.values().removeIf(at -> now - at > LEFT_MEMORY_NANOS);
    }

    @Override
    public void listingChanged() {
        registry.listingChanged();
    }
}
