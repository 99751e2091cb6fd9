package chat.free4.robot;

import chat.free4.data.AppDataService;
import chat.free4.data.ChannelClosedException;
import chat.free4.engine.EngineListener;
import chat.free4.engine.RoomSnapshot;
import chat.free4.peer.PeerId;
import chat.free4.session.RobotClaims;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells each peer, once its app-data channel is open, that this peer is a robot and which game it
 * hosts ({@link RobotClaims}). Looks on each levels tick (ten times a second in a room), on the
 * engine's event thread.
 */
final class ClaimAnnouncer implements EngineListener {
    private final AppDataService app;
    private final byte[] claim;
    private final Set<PeerId> told = new HashSet<>();

    ClaimAnnouncer(AppDataService app, String game) {
        this.app = app;
        this.claim = RobotClaims.claim(game);
    }

    @Override
    public void onLevels(RoomSnapshot room) {
        told.retainAll(app.connectedPeers()); // one who left and came back is told again
        for (PeerId peer : app.connectedPeers()) {
            if (!told.contains(peer)) {
                try {
                    app.send(peer, RobotClaims.TOPIC, claim);
                    told.add(peer);
                } catch (ChannelClosedException e) {
                    // closed meanwhile; the next tick looks again
                }
            }
        }
    }
}
