package chat.free4.board;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.session.RoomAddress;
import chat.free4.session.RoomSession;
import chat.free4.session.SessionRoom;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.relay.RelayConnectionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A peer as the app builds it (a session on headless audio) that joins through a real relay. */
public final class BoardPeer implements AutoCloseable {
    public final PeerInfo info;
    public final RoomSession session = RoomSession.open(new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()),
            SessionSettings.defaults());
    public volatile SessionRoom room;

    public BoardPeer(String name) {
        info = new PeerInfo(PeerId.random(), name);
    }

    public BoardPeer join(URI relay, String roomName) {
        RelayConnectionConfig config = new RelayConnectionConfig(relay, Duration.ofSeconds(15),
                Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofSeconds(3));
        room = session.join(RoomAddress.relay(config), new RoomRequest(roomName, info.displayName(), info.id(), true, List.of()));
        return this;
    }

    public BoardService board() {
        return room.board();
    }

    public void leave() throws Exception {
        session.leave().get();
    }

    @Override
    public void close() {
        session.close();
    }
}
