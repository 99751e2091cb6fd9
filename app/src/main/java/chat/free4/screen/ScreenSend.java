package chat.free4.screen;

import chat.free4.media.LocalTrack;
import chat.free4.media.TrackKind;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screen track of one connection. Every connection carries one from the start, fed by the
 * shared source, so a share that starts later needs no renegotiation (decision 0024): while
 * nobody shares, no frames are pushed and nothing is sent.
 */
final class ScreenSend implements LocalTrack {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenSend.class);
    /** Its own stream: the receiver must not hold the voice back to keep it in step with the picture. */
    private static final List<String> STREAMS = List.of("screen");

    private final VideoTrack track;
    private final ScreenKind owner;
    private RTCRtpSender sender;
    private boolean closed;

    ScreenSend(VideoTrack track, ScreenKind owner) {
        this.track = track;
        this.owner = owner;
    }

    @Override
    public TrackKind kind() {
        return TrackKind.VIDEO;
    }

    @Override
    public MediaStreamTrack track() {
        return track;
    }

    @Override
    public Change beginChange() {
        return Change.NONE;
    }

    @Override
    public List<String> streams() {
        return STREAMS;
    }

    @Override
    public synchronized void sentBy(RTCRtpSender sender) {
        this.sender = sender;
        owner.sending(this);
    }

    /** Caps what this connection sends; quietly keeps the old caps if the connection refuses. */
    synchronized void apply(ScreenCaps caps) {
        if (sender == null || closed) {
            return;
        }
        try {
            RTCRtpSendParameters parameters = sender.getParameters();
            if (parameters == null || parameters.encodings == null || parameters.encodings.isEmpty()) {
                return;
            }
            for (RTCRtpEncodingParameters encoding : parameters.encodings) {
                encoding.maxBitrate = caps.maxBitrate();
                encoding.scaleResolutionDownBy = caps.scaleResolutionDownBy();
                encoding.maxFramerate = caps.maxFramerate();
            }
            sender.setParameters(parameters);
            LOG.info("Shared screen capped on one connection: {}", sender.getParameters().encodings);
        } catch (RuntimeException e) {
            LOG.info("Could not cap the shared screen on one connection: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            sender = null;
        }
        owner.stopped(this);
        track.dispose();
    }
}
