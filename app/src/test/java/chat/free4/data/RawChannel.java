package chat.free4.data;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hostile peer's end of one data channel for tests: no protocol at all, it sends whatever bytes
 * the test gives it and keeps every message it receives. Plug it into an {@link RtcTestRoom} peer
 * under a real label ("chat", "files", "app") and the victim's real service is on the other end.
 */
public final class RawChannel implements ChannelPlugin {
    private final DataChannelSpec spec;
    private final CompletableFuture<FeatureChannel> open = new CompletableFuture<>();
    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    public RawChannel(String label) {
        this.spec = DataChannelSpec.reliable(label);
    }

    @Override
    public DataChannelSpec spec() {
        return spec;
    }

    @Override
    public void attach(FeatureChannel channel) {
        channel.setListener(new FeatureChannel.Listener() {
            @Override
            public void onOpen(FeatureChannel c) {
                open.complete(c);
            }

            @Override
            public void onMessage(FeatureChannel c, byte[] data, boolean binary) {
                received.add(data);
            }

            @Override
            public void onClosed(FeatureChannel c) {
            }
        });
    }

    /** Completes once the channel is open. */
    public CompletableFuture<FeatureChannel> opened() {
        return open;
    }

    public void send(byte[] data, boolean binary) {
        open.join().send(data, binary);
    }

    public void sendText(String json) {
        send(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }

    /** Everything the victim sent us, in order. */
    public List<byte[]> received() {
        return received;
    }
}
