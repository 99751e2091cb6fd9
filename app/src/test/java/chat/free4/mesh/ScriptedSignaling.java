package chat.free4.mesh;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.Signaling;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A signaling transport the test drives: it says what a (possibly hostile) relay would say, and
 * records or forwards what the mesh sends. Calls reach the mesh as a transport's would, in order.
 */
public final class ScriptedSignaling implements Signaling {
    /** One message the mesh sent. */
    public record Sent(PeerId to, SignalPayload payload) {
    }

    private final CountDownLatch joining = new CountDownLatch(1);
    private volatile SignalingListener listener;
    private volatile BiConsumer<PeerId, SignalPayload> forward = (to, payload) -> { };
    public final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void join(RoomRequest request, SignalingListener l) {
        listener = l;
        joining.countDown();
        l.onStateChanged(SignalingState.JOINED, "");
    }

    /** Where sent messages also go (e.g. to another mesh's scripted transport). */
    public void forwardTo(BiConsumer<PeerId, SignalPayload> target) {
        forward = target;
    }

    /** The mesh's listener; the mesh registers it on its own thread, so wait for it. */
    public SignalingListener mesh() {
        try {
            if (!joining.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the mesh never joined");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return listener;
    }

    public void joined(PeerId self, List<PeerInfo> members, int maxPeers) {
        mesh().onJoined(self, members, maxPeers);
    }

    @Override
    public void send(PeerId to, SignalPayload payload) {
        sent.add(new Sent(to, payload));
        forward.accept(to, payload);
    }

    /** The answers the mesh sent so far, one per native connection it built for an offer. */
    public List<String> answers() {
        return sent.stream().filter(s -> s.payload() instanceof SignalPayload.Answer)
                .map(s -> ((SignalPayload.Answer) s.payload()).sdp()).toList();
    }

    public List<String> offers() {
        return sent.stream().filter(s -> s.payload() instanceof SignalPayload.Offer)
                .map(s -> ((SignalPayload.Offer) s.payload()).sdp()).toList();
    }

    @Override
    public void leave() {
    }

    @Override
    public void close() {
    }
}
