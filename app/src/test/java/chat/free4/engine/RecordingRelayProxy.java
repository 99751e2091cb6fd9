package chat.free4.engine;

import chat.free4.testrelay.FrameProxy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback proxy in front of a relay that records the payload of every WebSocket frame the
 * clients send (unmasked). No compression hides what is sent ({@link FrameProxy}).
 */
public final class RecordingRelayProxy implements AutoCloseable {
    private final FrameProxy proxy;
    /** Every client-to-relay data frame's payload, in order per connection. */
    public final List<byte[]> clientFrames = new CopyOnWriteArrayList<>();
    /** The upgrade requests, as forwarded. */
    public final List<String> upgrades = new CopyOnWriteArrayList<>();

    public RecordingRelayProxy(URI relay) throws IOException {
        this.proxy = FrameProxy.start(relay, () -> new FrameProxy.Handler() {
            @Override
            public void upgrade(String request) {
                upgrades.add(request);
            }

            @Override
            public FrameProxy.Frame toRelay(FrameProxy.Frame frame) {
                if (frame.opcode() <= 0x2) { // text, binary, continuation
                    clientFrames.add(frame.payload().clone());
                }
                return frame;
            }
        });
    }

    public static RecordingRelayProxy start(URI relay) throws IOException {
        return new RecordingRelayProxy(relay);
    }

    /** Where clients connect instead of the relay. */
    public URI uri() {
        return proxy.uri();
    }

    /** Every client-to-relay data frame as text, in order. */
    public List<String> framesToTheRelay() {
        return clientFrames.stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
    }

    /** Every recorded frame as text (UTF-8; the relay's protocol is JSON in text frames), one a line. */
    public String allText() {
        StringBuilder all = new StringBuilder();
        clientFrames.forEach(f -> all.append(new String(f, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
