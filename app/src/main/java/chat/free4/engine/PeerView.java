package chat.free4.engine;

import chat.free4.mesh.PeerConnectionStatus;
import chat.free4.peer.PeerId;

/**
 * An immutable snapshot of one remote peer as the UI shows it.
 *
 * @param level  recent audio level of what this peer sends, 0 (silence) to 1 (full scale)
 * @param muted  this peer is muted locally (only for me)
 * @param volume local playback volume for this peer, 0 to 2 (1 = unchanged)
 */
public record PeerView(PeerId id, String name, PeerConnectionStatus status, double level, boolean muted,
                       double volume) {

    public boolean speaking() {
        return level >= SPEAKING_LEVEL && status == PeerConnectionStatus.CONNECTED && !muted;
    }

    /** RMS level above which a peer counts as speaking (about -34 dBFS). */
    public static final double SPEAKING_LEVEL = 0.02;

    PeerView withStatus(PeerConnectionStatus newStatus) {
        return new PeerView(id, name, newStatus, level, muted, volume);
    }

    PeerView withLevel(double newLevel) {
        return new PeerView(id, name, status, newLevel, muted, volume);
    }

    PeerView withMuted(boolean newMuted) {
        return new PeerView(id, name, status, level, newMuted, volume);
    }

    PeerView withVolume(double newVolume) {
        return new PeerView(id, name, status, level, muted, newVolume);
    }

    PeerView withName(String newName) {
        return new PeerView(id, name == null || name.isEmpty() ? newName : name, status, level, muted, volume);
    }
}
