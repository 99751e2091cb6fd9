package chat.free4.signaling.relay;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** Everything one signaling client reported, in order, as lines a failing assertion can show. */
final class RoomEvents implements SignalingListener {
    final BlockingQueue<PeerId> joins = new LinkedBlockingQueue<>();
    final BlockingQueue<SignalPayload> signals = new LinkedBlockingQueue<>();
    final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<SignalingState> states = new LinkedBlockingQueue<>();
    /** Every event as "kind detail". */
    final List<String> log = new CopyOnWriteArrayList<>();
    volatile int maxPeers;
    volatile String lastReason = "";

    @Override
    public void onJoined(PeerId self, List<PeerInfo> members) {
        log.add("joined " + self.value() + " with " + members.size());
        joins.add(self);
    }

    @Override
    public void onJoined(PeerId self, List<PeerInfo> members, int limit) {
        maxPeers = limit;
        onJoined(self, members);
    }

    @Override
    public void onPeerJoined(PeerInfo peer) {
        log.add("peer-joined " + peer.id().value());
    }

    @Override
    public void onPeerLeft(PeerId peer) {
        log.add("peer-left " + peer.value());
    }

    @Override
    public void onSignal(PeerId from, SignalPayload payload) {
        log.add("signal " + from.value());
        signals.add(payload);
    }

    @Override
    public void onStateChanged(SignalingState state, String reason) {
        log.add("state " + state + " " + reason);
        lastReason = reason;
        states.add(state);
    }

    @Override
    public void onError(String code, String message) {
        log.add("error " + code + " " + message);
        errors.add(code + ": " + message);
    }
}
