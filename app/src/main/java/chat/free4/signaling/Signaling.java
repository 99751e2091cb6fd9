package chat.free4.signaling;

import chat.free4.peer.PeerId;
/**
 * Carries SDP and ICE between the peers of one room. Two transports implement it: the relay
 * client (internet rooms) and direct LAN signaling (no server). The mesh only sees this interface.
 */
public interface Signaling extends AutoCloseable {

    /** Starts joining; never blocks on the network. Results arrive on {@code listener}. */
    void join(RoomRequest request, SignalingListener listener);

    /** Sends to one peer of the room; dropped with an {@code onError} if that is impossible. */
    void send(PeerId to, SignalPayload payload);

    /** Leaves the room; the transport may be joined again afterwards. */
    void leave();

    /** Leaves and releases every resource; no listener call follows. */
    @Override
    void close();
}
