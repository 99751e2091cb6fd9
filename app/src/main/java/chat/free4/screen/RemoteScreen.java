package chat.free4.screen;

import chat.free4.media.RemoteTrack;
import chat.free4.media.TrackKind;
import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's screen track as pictures. Frames arrive on a native decoder thread; the newest one
 * waits for this peer's own converter thread (an older one still waiting is released unseen, so a
 * slow viewer drops frames instead of queueing them), which turns it into BGRA in a reused array
 * and releases it. A sharer pushes frames steadily (at least one a second) while it shares, so none for {@link #STALE_MS}
 * means the share stopped: the picture is then ended.
 */
final class RemoteScreen implements RemoteTrack, VideoTrackSink {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteScreen.class);
    /** Beyond a 4K screen: a peer cannot make us hold more than this (38 MB of BGRA) per picture. */
    static final int MAX_SIDE = 4096;
    static final int MAX_PIXELS = 4096 * 2304;
    /** Three frames at the slowest cap (1 a second) may be late or lost before a share counts as ended. */
    static final long STALE_MS = 3000;

    private final PeerId peer;
    private final VideoTrack track;
    private final ScreenListeners listeners;
    private final AtomicReference<VideoFrame> waiting = new AtomicReference<>();
    private final ExecutorService converter;
    private final ScheduledFuture<?> staleCheck;
    private byte[] bgra = new byte[0];
    private volatile long lastPictureNanos;
    private volatile boolean showing;
    private volatile boolean detached;
    private boolean warnedSize;

    RemoteScreen(PeerId peer, VideoTrack track, ScreenListeners listeners, ScheduledExecutorService timer) {
        this.peer = peer;
        this.track = track;
        this.listeners = listeners;
        this.converter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "screen-from-" + peer.value());
            t.setDaemon(true);
            return t;
        });
        this.staleCheck = timer.scheduleAtFixedRate(() -> converter.execute(this::endIfStale), STALE_MS / 3, STALE_MS / 3,
                TimeUnit.MILLISECONDS);
        track.addSink(this);
    }

    @Override
    public TrackKind kind() {
        return TrackKind.VIDEO;
    }

    @Override
    public PeerId peer() {
        return peer;
    }

    boolean showing() {
        return showing;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        if (detached) {
            frame.release();
            return;
        }
        VideoFrame older = waiting.getAndSet(frame);
        if (older != null) {
            older.release(); // the converter has not taken it yet: it is already scheduled
            return;
        }
        try {
            converter.execute(this::convert);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            VideoFrame left = waiting.getAndSet(null);
            if (left != null) {
                left.release();
            }
        }
    }

    private void convert() {
        VideoFrame frame = waiting.getAndSet(null);
        if (frame == null) {
            return;
        }
        int width;
        int height;
        try {
            if (detached) {
                return;
            }
            VideoFrameBuffer buffer = frame.buffer;
            width = buffer.getWidth();
            height = buffer.getHeight();
            if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
                if (!warnedSize) {
                    warnedSize = true;
                    LOG.warn("{} sent a screen frame of an impossible size; ignoring such frames", peer);
                }
                return;
            }
            int bytes = width * height * 4;
            if (bgra.length != bytes) {
                bgra = new byte[bytes]; // only when the size changes
            }
            VideoBufferConverter.convertFromI420(buffer, bgra, FourCC.ARGB);
        } catch (Exception e) {
            LOG.warn("Could not convert a screen frame from {}: {}", peer, e.getMessage());
            return;
        } finally {
            frame.release();
        }
        lastPictureNanos = System.nanoTime();
        showing = true;
        listeners.picture(peer, new ScreenPicture(width, height, bgra));
    }

    private void endIfStale() {
        if (showing && !detached && System.nanoTime() - lastPictureNanos > TimeUnit.MILLISECONDS.toNanos(STALE_MS)) {
            showing = false;
            listeners.ended(peer);
        }
    }

    @Override
    public void detach() {
        if (detached) {
            return;
        }
        detached = true;
        staleCheck.cancel(false);
        track.removeSink(this);
        VideoFrame left = waiting.getAndSet(null);
        if (left != null) {
            left.release();
        }
        converter.execute(() -> {
            if (showing) {
                showing = false;
                listeners.ended(peer);
            }
        });
        converter.shutdown();
    }
}
