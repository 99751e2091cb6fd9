package chat.free4.relay.rooms;

import chat.free4.relay.protocol.Outbound;
import java.util.Collection;
import java.util.List;

/**
 * Where a room's seats are known beyond this process. {@link #IN_MEMORY} is the single relay: rooms
 * live in this process only and the registry never calls anything else here. A shared directory
 * (the Redis cluster, decision 0026) holds every instance's seats, claims new ones atomically so
 * room limits hold across instances, carries signals to the instance that holds their addressee,
 * and lists every instance's public rooms. Implementations never block a caller for longer than the
 * store's command timeout; delivery and announcements only enqueue.
 */
public interface SeatDirectory {

    /** Rooms live in this process only: today's single relay, with no other code on its path. */
    SeatDirectory IN_MEMORY = new SeatDirectory() {
        @Override
        public boolean shared() {
            return false;
        }
    };

    /** What the cluster knows of a room, as its creator opened it. */
    record RoomMeta(String name, boolean isPublic, List<String> tags, byte[] verifier) {
        public RoomMeta {
            tags = List.copyOf(tags);
        }
    }

    /** One seat as the directory holds it; {@code secretHashHex} is empty for a seat without a secret. */
    record Seat(String peerId, String name, String nameKey, String instance, String secretHashHex) {
    }

    /** A request for a seat: refused if the room is full, the name's skeleton is taken, or the peer id is someone else's. */
    record Claim(String roomKey, Seat seat, RoomMeta create, byte[] expectedVerifier, int maxPeers) {
    }

    enum Outcome { SEATED, ROOM_CHANGED, ROOM_FULL, NAME_TAKEN, PEER_ID_TAKEN, RECOVERING }

    /**
     * @param others          the room's other seats at the moment of the claim
     * @param previousInstance the instance the seat was taken over from (same secret), or ""
     * @param takenName       for {@link Outcome#NAME_TAKEN}, the name that holds the skeleton
     */
    record Claimed(Outcome outcome, RoomMeta meta, List<Seat> others, String previousInstance, String takenName) {
    }

    /** The seats and room of this instance that a heartbeat re-asserts. */
    record LocalRoom(String roomKey, RoomMeta meta, List<Seat> seats) {
    }

    /** What the directory tells the registry: events from other instances and snapshots. */
    interface Events {
        /** A peer took a seat on {@code instance} (or moved its seat there). */
        void joined(String roomKey, String peerId, String name, String instance);

        void left(String roomKey, String peerId, String instance);

        /** {@code frame} is the complete, already encoded {@code signal} message for {@code to}. */
        void signal(String roomKey, String to, String frame);

        /** The rooms that have peers on this instance, with their seats. */
        List<LocalRoom> localRooms();

        /**
         * Every seat of a room, read after {@code askedNanos}. While the store recovers from a
         * restart, seats of other instances may still be missing and must not count as gone.
         */
        void snapshot(String roomKey, List<Seat> seats, long askedNanos, boolean recovering);

        /** The cluster's public room list changed. */
        void listingChanged();
    }

    boolean shared();

    /** This instance's id in the cluster. */
    default String instance() {
        return "";
    }

    /** Starts delivering events; called once, after the registry exists. */
    default void attach(Events events) {
    }

    /** Null when the directory works; otherwise what is wrong, in words (for /healthz and errors). */
    default String problem() {
        return null;
    }

    /** The room as the cluster knows it, or null when it has no seats. */
    default RoomMeta lookup(String roomKey) throws DirectoryUnavailable {
        throw new UnsupportedOperationException();
    }

    default Claimed claim(Claim claim) throws DirectoryUnavailable {
        throw new UnsupportedOperationException();
    }

    /** Gives up this instance's seat (no-op if it has moved to another instance). Never blocks. */
    default void release(String roomKey, String peerId) {
        throw new UnsupportedOperationException();
    }

    default void announceJoined(Collection<String> instances, String roomKey, String peerId, String name) {
        throw new UnsupportedOperationException();
    }

    default void announceLeft(Collection<String> instances, String roomKey, String peerId) {
        throw new UnsupportedOperationException();
    }

    /** Passes a signal on to the instance that holds {@code to}; false if the store cannot be reached. */
    default boolean deliver(String instance, String roomKey, String to, String frame) {
        throw new UnsupportedOperationException();
    }

    /** The cluster's public rooms as last read (members counted over all instances). */
    default List<Outbound.RoomView> publicRooms() {
        throw new UnsupportedOperationException();
    }

    /** A local change the listing should show soon. */
    default void roomsChanged() {
    }

    default void close() {
    }

    /** The store did not answer (down, unreachable, timed out). */
    final class DirectoryUnavailable extends Exception {
        public DirectoryUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
