package chat.free4.media;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.Optional;

/**
 * The kinds of track a peer connection can carry. Audio is the one the app sends and plays today;
 * video is named so that a remote video track is recognised (and, with no {@link MediaKind} for
 * it, ignored on purpose) and so that screen sharing (issue 16) plugs in as a second kind.
 */
public enum TrackKind {
    AUDIO,
    VIDEO;

    /** The kind of a track webrtc-java handed us; empty for a kind this build does not know. */
    public static Optional<TrackKind> of(MediaStreamTrack track) {
        // webrtc-java builds the Java object by the native kind, so the class says it (no native call).
        if (track instanceof AudioTrack) {
            return Optional.of(AUDIO);
        }
        if (track instanceof VideoTrack) {
            return Optional.of(VIDEO);
        }
        return Optional.empty();
    }
}
