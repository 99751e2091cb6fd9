package chat.free4.data;

import chat.free4.peer.PeerInfo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A peer's channel without a network, for tests of what a service does with frames it is handed:
 * {@link #receive} calls the service's listener directly, on the test's thread.
 */
public final class FakeFeatureChannel implements FeatureChannel {
    private final PeerInfo peer;
    private final String label;
    private final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private Listener listener;

    public FakeFeatureChannel(PeerInfo peer, String label) {
        this.peer = peer;
        this.label = label;
    }

    /** Attaches {@code plugin} and opens the channel. */
    public static FakeFeatureChannel openTo(ChannelPlugin plugin, PeerInfo peer) {
        FakeFeatureChannel c = new FakeFeatureChannel(peer, plugin.spec().label());
        plugin.attach(c);
        c.listener.onOpen(c);
        return c;
    }

    public void receive(byte[] data, boolean binary) {
        listener.onMessage(this, data, binary);
    }

    public List<byte[]> sent() {
        return sent;
    }

    @Override
    public PeerInfo peer() {
        return peer;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void send(byte[] data, boolean binary) {
        sent.add(data);
    }

    @Override
    public long bufferedAmount() {
        return 0;
    }

    @Override
    public void notifyWhenBufferedAmountLow(long threshold) {
        listener.onBufferedAmountLow(this);
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }
}
