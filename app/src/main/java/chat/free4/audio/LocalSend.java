package chat.free4.audio;

import chat.free4.media.LocalTrack;
import chat.free4.media.TrackKind;
import dev.onvoid.webrtc.media.audio.AudioTrack;

/**
 * What one peer connection sends. On the headless path every connection gets a source and track
 * of its own, so a connection changing its sinks never disturbs (or races) what the others send;
 * on the desktop path all share the microphone track. The peer link closes it after removing the
 * track from its connection. The audio kind's {@link LocalTrack}.
 */
public interface LocalSend extends LocalTrack {

    @Override
    default TrackKind kind() {
        return TrackKind.AUDIO;
    }

    @Override
    AudioTrack track();

    /** See {@link SinkChangeGate}: hold a ticket while the connection may add or remove sinks. */
    SinkChangeGate.Ticket beginSinkChange();

    @Override
    default Change beginChange() {
        SinkChangeGate.Ticket ticket = beginSinkChange();
        return ticket::close;
    }

    @Override
    void close();

    /** The shared track of a backend whose source is thread-safe. */
    static LocalSend shared(AudioTrack track) {
        return new LocalSend() {
            @Override
            public AudioTrack track() {
                return track;
            }

            @Override
            public SinkChangeGate.Ticket beginSinkChange() {
                return SinkChangeGate.NONE.enter();
            }

            @Override
            public void close() {
                // Shared: the backend owns the track.
            }
        };
    }
}
