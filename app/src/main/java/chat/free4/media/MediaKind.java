package chat.free4.media;

import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import java.util.Optional;

/**
 * One kind of media plugged into {@link Media}: what every new connection sends of it and what is
 * done with a track of it that a peer sends. Audio ({@code audio.AudioBackend}) is the first; a
 * screen share would be a second, of {@link TrackKind#VIDEO}. Both methods are called on the mesh
 * thread.
 */
public interface MediaKind {

    TrackKind kind();

    /** What one new connection sends of this kind; empty when it sends nothing right now. */
    Optional<? extends LocalTrack> openLocal();

    /** A peer sends a track of this kind ({@link #kind()}, checked by {@link Media}): start receiving it. */
    RemoteTrack attachRemote(PeerId peer, MediaStreamTrack track);
}
