package chat.free4.lan;

import chat.free4.signaling.PeerInfo;
import chat.free4.signaling.SignalPayload;

import java.util.ArrayDeque;
import java.util.Deque;

/** What LAN signaling knows of one other member: its connections and what waits to be sent. */
final class RemotePeer {
    static final int PENDING_LIMIT = 256;

    final PeerInfo info;
    /** We send on this one (we dialed it). */
    DirectConnection outbound;
    boolean dialing;
    /** We receive on this one (it dialed us). */
    DirectConnection inbound;
    final Deque<SignalPayload> pending = new ArrayDeque<>();

    RemotePeer(PeerInfo info) {
        this.info = info;
    }
}
