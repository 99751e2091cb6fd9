package chat.free4.ui;

import chat.free4.peer.PeerId;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.relay.RecordingListener;
import chat.free4.signaling.relay.RelayConnectionConfig;
import chat.free4.signaling.relay.RelaySignaling;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Bare relay clients sitting in rooms (no audio needed to take a name, a seat, or open a room). */
final class RelayOccupants implements AutoCloseable {
    private final URI relay;
    private final Duration wait;
    private final List<RelaySignaling> clients = new ArrayList<>();

    RelayOccupants(URI relay, Duration wait) {
        this.relay = relay;
        this.wait = wait;
    }

    /** Joins {@code room} as {@code name}; {@code listed} is asked for if this opens the room. */
    void occupy(String room, String name, boolean listed) throws Exception {
        RecordingListener listener = new RecordingListener();
        RelaySignaling client = new RelaySignaling(RelayConnectionConfig.of(relay));
        clients.add(client);
        client.join(new RoomRequest(room, name, PeerId.random(), listed, List.of()), listener);
        try {
            listener.joined.get(wait.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(name + " could not take a seat in " + room + ": " + listener.problems, e);
        }
    }

    @Override
    public void close() {
        clients.forEach(RelaySignaling::close);
    }
}
