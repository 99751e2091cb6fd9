package chat.free4.screen;

import chat.free4.media.Media;
import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screen sharing in a room: {@link #start()} shares this display's screen with everyone connected
 * (and whoever connects later), {@link #start(SharedWindow)} one of its windows, {@link #stop()} ends it; {@link #addListener} shows the screens
 * others share. Plugged into the media layer once per session ({@link #plugInto}). Capture runs
 * on its own thread at {@link ScreenCaps#CAPTURE_FPS} frames a second; the room's size caps what
 * each connection sends ({@link ScreenCaps}).
 */
public final class ScreenSharing implements ScreenShare, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenSharing.class);

    private final ScreenListeners listeners = new ScreenListeners();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "screen-share");
        t.setDaemon(true);
        return t;
    });
    private final ScreenKind kind;
    private final Supplier<ScreenCapture> captures;
    private ScreenCapture capture;
    private ScheduledFuture<?> pushing;
    /** The rate {@link #pushing} runs at: the room's cap (webrtc-java's CustomVideoSource ignores maxFramerate). */
    private double pushingFps;
    private int[] pixels;
    private ByteBuffer argb;
    private volatile SharingState state = SharingState.notSharing(0);

    private ScreenSharing(Media media, Supplier<ScreenCapture> captures) {
        this.kind = new ScreenKind(media, listeners, thread);
        this.captures = captures;
        kind.onViewersChanged(this::publish);
    }

    /** Screen sharing on {@code media}, capturing this display's screen; the media layer closes its video source. */
    public static ScreenSharing plugInto(Media media) {
        return plugInto(media, RobotScreenCapture::open);
    }

    /** As {@link #plugInto(Media)} with another capture (tests, benchmarks). */
    public static ScreenSharing plugInto(Media media, Supplier<ScreenCapture> captures) {
        ScreenSharing sharing = new ScreenSharing(media, captures);
        media.add(sharing.kind);
        return sharing;
    }

    @Override
    public Optional<String> unavailableReason() {
        return RobotScreenCapture.unavailableReason();
    }

    @Override
    public void addListener(ScreenListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ScreenListener listener) {
        listeners.remove(listener);
    }

    @Override
    public SharingState state() {
        return state;
    }

    /**
     * Starts sharing (nothing happens when already sharing).
     *
     * @throws ScreenUnavailableException with a sentence when the screen cannot be read here
     */
    @Override
    public void start() {
        start(captures, "the screen");
    }

    @Override
    public void start(SharedWindow window) {
        start(() -> RobotWindowCapture.open(window), "the window \"" + window.label() + "\"");
    }

    @Override
    public java.util.List<SharedWindow> windows() {
        unavailableReason().ifPresent(reason -> {
            throw new ScreenUnavailableException(reason);
        });
        return X11Windows.list();
    }

    private synchronized void start(Supplier<ScreenCapture> from, String what) {
        if (pushing != null) {
            return;
        }
        capture = from.get();
        pushAt(ScreenCaps.forViewers(kind.viewers()).maxFramerate());
        LOG.info("Sharing {} ({}x{})", what, capture.width(), capture.height());
        publish();
    }

    /** Stops sharing; viewers lose the picture. */
    @Override
    public synchronized void stop() {
        if (pushing == null) {
            return;
        }
        pushing.cancel(false);
        pushing = null;
        ScreenCapture old = capture;
        capture = null;
        thread.execute(old::close); // after a capture in progress
        LOG.info("Stopped sharing the screen");
        publish();
    }

    @Override
    public synchronized boolean sharing() {
        return pushing != null;
    }

    /** (Re)schedules capturing at {@code fps}; the source pushes to every connection at that rate. */
    private synchronized void pushAt(double fps) {
        if (pushing != null) {
            pushing.cancel(false);
        }
        pushingFps = fps;
        pushing = thread.scheduleAtFixedRate(this::pushOne, 0, Math.round(1000 / fps), TimeUnit.MILLISECONDS);
    }

    private void publish() {
        boolean on;
        int viewers = kind.viewers();
        ScreenCaps caps = ScreenCaps.forViewers(viewers);
        synchronized (this) {
            on = pushing != null;
            if (on && caps.maxFramerate() != pushingFps) {
                pushAt(caps.maxFramerate());
            }
        }
        SharingState next = new SharingState(on, viewers, caps, on ? caps.note(viewers) : "");
        if (!next.equals(state)) {
            state = next;
            listeners.sharing(next);
        }
    }

    private void pushOne() {
        ScreenCapture from;
        synchronized (this) {
            from = capture;
        }
        if (from == null) {
            return;
        }
        NativeI420Buffer buffer = null;
        try {
            pixels = from.grab(pixels);
            // After the grab: a shared window may have just changed its size.
            int width = from.width();
            int height = from.height();
            int bytes = width * height * 4;
            if (argb == null || argb.capacity() != bytes) {
                argb = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
            }
            argb.clear();
            argb.asIntBuffer().put(pixels, 0, width * height);
            buffer = NativeI420Buffer.allocate(width, height);
            // libyuv's "ARGB" is a little-endian 0xAARRGGBB word: the ints just as Robot reads them.
            VideoBufferConverter.convertToI420(argb, buffer, FourCC.ARGB);
            VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
            buffer = null;
            kind.push(frame);
            frame.release();
        } catch (ScreenUnavailableException e) {
            LOG.warn("Stopped sharing the screen: {}", e.getMessage());
            boolean wasOn;
            synchronized (this) {
                wasOn = capture == from;
            }
            stop();
            if (wasOn) {
                listeners.stopped(e.getMessage());
            }
        } catch (Exception e) {
            LOG.warn("Could not share one screen frame: {}", e.getMessage());
        } finally {
            if (buffer != null) {
                buffer.release();
            }
        }
    }

    /** Stops sharing; the video source itself is closed by the media layer, after every connection. */
    @Override
    public void close() {
        stop();
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
