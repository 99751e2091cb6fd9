package chat.free4.relay.rooms;

import chat.free4.relay.limits.TokenBucket;
import chat.free4.relay.protocol.Outbound;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room's membership. Every change and every message to its members happens under the room's
 * own lock (this object), so rooms never wait for each other and each member sees the room's events
 * in one order. Holding the lock is short: sends only enqueue.
 */
public final class Room {
    final String name;
    /** What the registry files the room under: lookalike names are one room (NameSkeleton). */
    final String key;
    final boolean isPublic;
    final List<String> tags;
    /** Guarded by this; insertion order is join order. */
    final Map<String, Member> members = new LinkedHashMap<>();
    /** Guarded by this; a closed room has left the registry and must not be joined. */
    boolean closed;
    /** Readable without the lock, for listing. */
    volatile int size;
    /** The verifier its creator registered, kept only while the room exists; null for an open room. */
    final RoomPassword password;
    /** Wrong answers for this room, whoever sends them; null for an open room. */
    final TokenBucket failures;
    /**
     * Guarded by this; only in a cluster (decision 0026): the room's peers seated on other
     * instances, by peer id, and when peers of other instances were last seen leaving. Empty on a
     * single relay.
     */
    final Map<String, RemotePeer> remote = new LinkedHashMap<>();
    final Map<String, Long> leftNanos = new HashMap<>();

    /** A peer of this room whose connection is on another instance. */
    record RemotePeer(String name, String instance, long sinceNanos) {
    }

    Room(String name, String key, boolean isPublic, List<String> tags) {
        this(name, key, isPublic, tags, null, null);
    }

    Room(String name, String key, boolean isPublic, List<String> tags, RoomPassword password, TokenBucket failures) {
        this.name = name;
        this.key = key;
        this.isPublic = isPublic && password == null; // a password room is never listed
        this.tags = List.copyOf(tags);
        this.password = password;
        this.failures = failures;
    }

    /** Caller holds the lock. */
    List<Outbound.PeerView> viewsExcept(Member self) {
        List<Outbound.PeerView> views = new ArrayList<>(members.size());
        for (Member m : members.values()) {
            if (m != self) {
                views.add(m.view());
            }
        }
        return views;
    }

    /** Caller holds the lock. */
    void sendToOthers(Member self, String json) {
        for (Member m : members.values()) {
            if (m != self && m.channel != null) {
                m.channel.send(json);
            }
        }
    }

    Outbound.RoomView listing() {
        return new Outbound.RoomView(name, size, tags);
    }
}
