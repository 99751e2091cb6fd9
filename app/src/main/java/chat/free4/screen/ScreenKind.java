package chat.free4.screen;

import chat.free4.media.Media;
import chat.free4.media.MediaKind;
import chat.free4.media.RemoteTrack;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared screen as the media layer's second kind ({@link TrackKind#VIDEO}). One source for the
 * whole room feeds one track per connection ({@link ScreenSend}); every connection carries it from
 * its start, so sharing is pushing frames into the source and needs no renegotiation (decision
 * 0024). Each peer's screen track becomes a {@link RemoteScreen}. Closed by the media layer before
 * its factory.
 */
final class ScreenKind implements MediaKind, AutoCloseable {
    private final Media media;
    private final ScreenListeners listeners;
    private final ScheduledExecutorService timer;
    private final CustomVideoSource source = new CustomVideoSource();
    private final Set<ScreenSend> sends = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tracks = new AtomicInteger();
    private volatile boolean closed;
    private volatile Runnable viewersChanged = () -> {
    };

    ScreenKind(Media media, ScreenListeners listeners, ScheduledExecutorService timer) {
        this.media = media;
        this.listeners = listeners;
        this.timer = timer;
    }

    @Override
    public TrackKind kind() {
        return TrackKind.VIDEO;
    }

    @Override
    public Optional<ScreenSend> openLocal() {
        if (closed) {
            return Optional.empty();
        }
        VideoTrack track = media.factory().createVideoTrack("screen-" + tracks.incrementAndGet(), source);
        return Optional.of(new ScreenSend(track, this));
    }

    @Override
    public RemoteTrack attachRemote(PeerId peer, MediaStreamTrack track) {
        if (!(track instanceof VideoTrack video)) {
            throw new IllegalArgumentException("Not a video track: " + track.getClass().getSimpleName());
        }
        return new RemoteScreen(peer, video, listeners, timer);
    }

    void onViewersChanged(Runnable action) {
        viewersChanged = action;
    }

    /** Connections that would receive a share now (one per peer this side is connected to, or connecting). */
    int viewers() {
        return sends.size();
    }

    void sending(ScreenSend send) {
        sends.add(send);
        capAll();
    }

    void stopped(ScreenSend send) {
        if (sends.remove(send)) {
            capAll();
        }
    }

    private void capAll() {
        ScreenCaps caps = ScreenCaps.forViewers(sends.size());
        sends.forEach(s -> s.apply(caps));
        viewersChanged.run();
    }

    /** One captured frame to every connection. */
    synchronized void push(VideoFrame frame) {
        if (!closed) {
            source.pushFrame(frame);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        source.dispose();
    }
}
