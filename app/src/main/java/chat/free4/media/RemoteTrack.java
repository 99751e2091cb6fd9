package chat.free4.media;

import chat.free4.peer.PeerId;

/**
 * What a {@link MediaKind} made of one track a remote peer sends (for audio, the sink that measures
 * and plays it). The peer link detaches it before the connection that owns the track closes, and
 * when the peer sends a new track of the same kind.
 */
public interface RemoteTrack {

    TrackKind kind();

    PeerId peer();

    /** Stops receiving; idempotent. */
    void detach();
}
