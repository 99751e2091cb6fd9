package chat.free4.audio;

import chat.free4.signaling.PeerId;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import java.util.Optional;

/**
 * Where the engine's audio comes from and goes to. Two implementations: {@link HeadlessAudio}
 * (PCM pushed and received in Java, no sound card) and {@link DeviceAudio} (the real sound card).
 * One audio mode per factory: the native library may abort when both are mixed.
 * The backend owns the factory, the local track and its source; {@link #close()} disposes them and
 * must run after every peer connection of the factory has been closed.
 */
public interface AudioBackend extends AutoCloseable {

    PeerConnectionFactory factory();

    /** The microphone track (every connection sends it unless {@link #openSend()} says otherwise). */
    AudioTrack localTrack();

    /** Starts measuring and playing one remote peer's track. */
    RemoteAudio attachRemote(PeerId peer, AudioTrack track);

    void setMicrophoneMuted(boolean muted);

    boolean microphoneMuted();

    /** Level of what I send, 0 to 1. */
    double localLevel();

    /** What a new peer connection sends; by default the shared {@link #localTrack()}. */
    default LocalSend openSend() {
        return LocalSend.shared(localTrack());
    }

    /** Device selection, present on the desktop path only. */
    default Optional<AudioDeviceChooser> devices() {
        return Optional.empty();
    }

    @Override
    void close();
}
