package chat.free4.data;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends arbitrary application data to the room or one peer on its own reliable, ordered channel
 * ("app"), so a whiteboard or game never delays chat or audio. Subscribers pick a topic.
 */
public final class AppDataService implements ChannelPlugin {
    public static final DataChannelSpec SPEC = DataChannelSpec.reliable("app", InboundRate.APP);
    private static final Logger LOG = LoggerFactory.getLogger(AppDataService.class);

    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);
    private final Map<PeerId, FeatureChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, List<AppDataListener>> listeners = new ConcurrentHashMap<>();

    @Override
    public DataChannelSpec spec() {
        return SPEC;
    }

    @Override
    public void attach(FeatureChannel channel) {
        channel.setListener(new FeatureChannel.Listener() {
            @Override
            public void onOpen(FeatureChannel c) {
                channels.put(c.peer().id(), c);
            }

            @Override
            public void onMessage(FeatureChannel c, byte[] data, boolean binary) {
                deliver(c.peer(), data);
            }

            @Override
            public void onClosed(FeatureChannel c) {
                channels.remove(c.peer().id(), c);
            }
        });
    }

    /** Subscribes to one topic; returns a handle that unsubscribes. */
    public AutoCloseable subscribe(String topic, AppDataListener listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(topic, List.of()).remove(listener);
    }

    /** Sends to every peer whose channel is open; returns how many it was sent to. */
    public int broadcast(String topic, byte[] payload) {
        byte[] frame = new AppDataFrame(topic, payload).encode();
        int sent = 0;
        for (FeatureChannel c : channels.values()) {
            try {
                c.send(frame, true);
                sent++;
            } catch (ChannelClosedException e) {
                LOG.debug("Skipped app data to {}: {}", c.peer().id(), e.getMessage());
            }
        }
        return sent;
    }

    /**
     * Sends to one peer.
     *
     * @throws ChannelClosedException if that peer is not connected
     */
    public void send(PeerId to, String topic, byte[] payload) {
        byte[] frame = new AppDataFrame(topic, payload).encode();
        FeatureChannel c = channels.get(to);
        if (c == null) {
            throw new ChannelClosedException("That person is not connected.");
        }
        c.send(frame, true);
    }

    public List<PeerId> connectedPeers() {
        return List.copyOf(channels.keySet());
    }

    private void deliver(PeerInfo from, byte[] data) {
        AppDataFrame frame;
        try {
            frame = AppDataFrame.decode(data);
        } catch (IllegalArgumentException e) {
            warnings.warn(from.id(), "Dropped malformed application data from {}: {}", from.id(), Untrusted.forLog(e));
            return;
        }
        for (AppDataListener l : listeners.getOrDefault(frame.topic(), List.of())) {
            l.onData(from, frame.topic(), frame.payload());
        }
    }
}
