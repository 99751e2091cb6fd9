package chat.free4.data;

import chat.free4.mesh.DataChannelPlugin;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Plugs one {@link ChannelPlugin} label into the mesh's {@link DataChannelPlugin} hook. The
 * mesh keeps owning the native channel; this wraps it as a {@link RtcFeatureChannel} for whichever
 * service is current (each room gets fresh services, see the session's RoomFeatures).
 */
public final class MeshChannelBridge implements DataChannelPlugin {
    private final DataChannelSpec spec;
    private final Function<PeerId, String> names;
    private final Executor events;
    private final Map<RTCDataChannel, RtcFeatureChannel> wrapped = new ConcurrentHashMap<>();
    private volatile ChannelPlugin current;

    public MeshChannelBridge(DataChannelSpec spec, Function<PeerId, String> names, Executor events) {
        this.spec = spec;
        this.names = names;
        this.events = events;
    }

    public void use(ChannelPlugin plugin) {
        current = plugin;
    }

    @Override
    public String label() {
        return spec.label();
    }

    @Override
    public RTCDataChannelInit init() {
        return spec.toInit();
    }

    @Override
    public void onChannel(PeerId peer, RTCDataChannel channel) {
        ChannelPlugin plugin = current;
        if (plugin == null) {
            return; // Not in a room as far as data features go; the mesh still owns the channel.
        }
        RtcFeatureChannel c = new RtcFeatureChannel(channel, new PeerInfo(peer, names.apply(peer)), new SerialExecutor(events),
                spec.inbound());
        wrapped.put(channel, c);
        plugin.attach(c);
    }

    @Override
    public void onChannelClosed(PeerId peer, RTCDataChannel channel) {
        RtcFeatureChannel c = wrapped.remove(channel);
        if (c != null) {
            c.markClosed();
        }
    }
}
