package chat.free4.media;

import dev.onvoid.webrtc.media.MediaStreamTrack;

/**
 * What one peer connection sends of one kind: a track of its own or a shared one. The peer link
 * adds it when it builds the connection and closes it after removing it from that connection.
 */
public interface LocalTrack extends AutoCloseable {

    TrackKind kind();

    MediaStreamTrack track();

    /**
     * Held by the peer link from before a connection operation that may add or remove the track's
     * sinks (adding or removing the track, applying a description, closing) until it has completed.
     * Audio needs it (see {@code audio.SinkChangeGate}); a kind that does not just returns
     * {@link Change#NONE}.
     */
    Change beginChange();

    /**
     * The media streams the track is sent in. Tracks of one stream are synchronised by the
     * receiver, so a kind that must not delay the voice (a shared screen) names its own.
     */
    default java.util.List<String> streams() {
        return LocalTracks.STREAM_IDS;
    }

    /** The connection now sends the track through {@code sender} (e.g. to cap its bitrate); called once per connection. */
    default void sentBy(dev.onvoid.webrtc.RTCRtpSender sender) {
    }

    @Override
    void close();

    /** One connection operation in flight; closing it is idempotent and may happen on any thread. */
    @FunctionalInterface
    interface Change extends AutoCloseable {
        Change NONE = () -> {
        };

        @Override
        void close();
    }
}
