package chat.free4.audio;

import chat.free4.media.Media;
import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import java.util.Optional;

/**
 * Where the engine's audio comes from and goes to. Two implementations: {@link HeadlessAudio}
 * (PCM pushed and received in Java, no sound card) and {@link DeviceAudio} (the real sound card).
 * One audio mode per factory: the native library may abort when both are mixed, so the backend
 * chooses the device module and opens the {@link Media} layer on it, then plugs itself in as its
 * first kind of track ({@link chat.free4.media.TrackKind#AUDIO}). The backend owns that media
 * layer, the local track and its source; {@link #close()} disposes them (tracks, then the media
 * layer) and must run after every peer connection of the factory has been closed.
 */
public interface AudioBackend extends AutoCloseable {

    /** The media layer this backend opened, with this backend plugged in as its audio kind. */
    Media media();

    default PeerConnectionFactory factory() {
        return media().factory();
    }

    /** The microphone track (every connection sends it unless {@link #openSend()} says otherwise). */
    AudioTrack localTrack();

    /** Starts measuring and playing one remote peer's track. */
    RemoteAudio attachRemote(PeerId peer, AudioTrack track);

    void setMicrophoneMuted(boolean muted);

    boolean microphoneMuted();

    /** Level of my microphone, 0 to 1 (0 while muted or deafened). */
    double localLevel();

    /** Deafened: I hear nobody, and my microphone sends silence. */
    void setDeafened(boolean deafened);

    boolean deafened();

    /** The voice-activity gate on what I send (always open unless a threshold is set). */
    VoiceGate voiceGate();

    /** Echo cancellation, noise suppression, gain control; only the desktop path has them. */
    default void setVoiceProcessing(VoiceProcessing processing) {
    }

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
