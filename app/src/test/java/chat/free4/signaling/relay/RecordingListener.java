package chat.free4.signaling.relay;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** Records what a relay signaling client reports: the join, every signal, errors and lost connections. */
public final class RecordingListener implements SignalingListener {
    public final CompletableFuture<PeerId> joined = new CompletableFuture<>();
    public final BlockingQueue<SignalPayload> signals = new LinkedBlockingQueue<>();
    public final List<String> problems = new CopyOnWriteArrayList<>();
    /** The room's visibility as {@code joined} reported it, once per join. */
    public final BlockingQueue<Boolean> listed = new LinkedBlockingQueue<>();

    @Override
    public void onJoined(PeerId self, List<PeerInfo> members) {
        joined.complete(self);
    }

    @Override
    public void onRoomVisibility(boolean isListed, boolean askedPublic) {
        listed.add(isListed);
    }

    @Override
    public void onPeerJoined(PeerInfo peer) {
    }

    @Override
    public void onPeerLeft(PeerId peer) {
    }

    @Override
    public void onSignal(PeerId from, SignalPayload payload) {
        signals.add(payload);
    }

    @Override
    public void onStateChanged(SignalingState state, String reason) {
        if (state == SignalingState.RECONNECTING) {
            problems.add("connection lost: " + reason);
        }
    }

    @Override
    public void onError(String code, String message) {
        problems.add(code + ": " + message);
    }
}
