package chat.free4.audio;

import chat.free4.media.MediaKind;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import java.util.Optional;

/**
 * How an {@link AudioBackend} plugs into the media layer as its first kind: every connection sends
 * the backend's {@link AudioBackend#openSend()}, and every remote audio track goes to
 * {@link AudioBackend#attachRemote}. Each backend adds one to its own {@link AudioBackend#media()}.
 */
final class AudioKind implements MediaKind {
    private final AudioBackend backend;

    AudioKind(AudioBackend backend) {
        this.backend = backend;
    }

    @Override
    public TrackKind kind() {
        return TrackKind.AUDIO;
    }

    @Override
    public Optional<LocalSend> openLocal() {
        return Optional.of(backend.openSend());
    }

    @Override
    public RemoteAudio attachRemote(PeerId peer, MediaStreamTrack track) {
        if (!(track instanceof AudioTrack audio)) {
            throw new IllegalArgumentException("Not an audio track: " + track.getClass().getSimpleName());
        }
        return backend.attachRemote(peer, audio);
    }
}
