package chat.free4.engine;

import chat.free4.media.TrackKind;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.peer.PeerId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An immutable snapshot of one remote peer as the UI shows it.
 *
 * @param level     recent audio level of what this peer sends, 0 (silence) to 1 (full scale)
 * @param muted     this peer is muted locally (only for me)
 * @param volume    local playback volume for this peer, 0 to 2 (1 = unchanged)
 * @param receiving the kinds of track I receive from this peer right now: audio once connected;
 *                  video would be its shared screen, once there is a kind of media for it (issue 16)
 * @param safetyCode five words that this peer sees too when nobody sits between us ("" until the
 *                  connection's two certificates are known); see {@code mesh.SafetyCode}
 */
public record PeerView(PeerId id, String name, PeerConnectionStatus status, double level, boolean muted,
                       double volume, Set<TrackKind> receiving, String safetyCode) {

    public PeerView {
        receiving = receiving.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(receiving));
        safetyCode = safetyCode == null ? "" : safetyCode;
    }

    /** A peer of whom I receive nothing yet. */
    public PeerView(PeerId id, String name, PeerConnectionStatus status, double level, boolean muted, double volume) {
        this(id, name, status, level, muted, volume, Set.of(), "");
    }

    public boolean speaking() {
        return level >= SPEAKING_LEVEL && status == PeerConnectionStatus.CONNECTED && !muted;
    }

    /** RMS level above which a peer counts as speaking (about -34 dBFS). */
    public static final double SPEAKING_LEVEL = 0.02;

    PeerView withStatus(PeerConnectionStatus newStatus) {
        return new PeerView(id, name, newStatus, level, muted, volume, receiving, safetyCode);
    }

    PeerView withLevel(double newLevel) {
        return new PeerView(id, name, status, newLevel, muted, volume, receiving, safetyCode);
    }

    PeerView withMuted(boolean newMuted) {
        return new PeerView(id, name, status, level, newMuted, volume, receiving, safetyCode);
    }

    PeerView withVolume(double newVolume) {
        return new PeerView(id, name, status, level, muted, newVolume, receiving, safetyCode);
    }

    PeerView withName(String newName) {
        return new PeerView(id, name == null || name.isEmpty() ? newName : name, status, level, muted, volume, receiving, safetyCode);
    }

    PeerView withSafetyCode(String words) {
        return new PeerView(id, name, status, level, muted, volume, receiving, words);
    }

    PeerView withReceiving(Set<TrackKind> kinds) {
        return new PeerView(id, name, status, level, muted, volume, kinds, safetyCode);
    }
}
