package chat.free4.signaling.lan;

import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalPayload;

import java.util.ArrayDeque;
import java.util.Deque;

/** What LAN signaling knows of one other member: its connections and what waits to be sent. */
final class RemotePeer {
    static final int PENDING_LIMIT = 256;

    PeerInfo info;
    /**
     * In the room: the listener heard {@code onPeerJoined}. A password room's peer seen in mDNS only
     * is not yet: it is dialed, but joins when its hello proves the room's secret (decision 0020).
     */
    boolean admitted;
    /** We send on this one (we dialed it). */
    DirectConnection outbound;
    /** Our hello went out on {@link #outbound} (after the callee's challenge): signals may follow. */
    boolean outboundReady;
    boolean dialing;
    /** The key this peer proved on its first connection; a later one must prove the same (decision 0014). */
    String key;
    /** Completed once a {@link LanSignaling#redial} has its new connection ready. */
    java.util.concurrent.CompletableFuture<Void> redialed;
    /** We receive on this one (it dialed us). */
    DirectConnection inbound;
    final Deque<SignalPayload> pending = new ArrayDeque<>();

    RemotePeer(PeerInfo info) {
        this.info = info;
    }
}
