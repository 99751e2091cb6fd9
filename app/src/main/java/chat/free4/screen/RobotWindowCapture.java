package chat.free4.screen;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One window of the X display, read through {@link java.awt.Robot} from its rectangle on the
 * screen (so a window lying over it shows too). Its place and size are read again about once a
 * second ({@link X11Windows#find}), so the picture follows it when it moves or resizes; when it
 * is closed the next {@link #grab} says so ({@link ScreenUnavailableException}), which ends the
 * share. While it is minimised the last picture is sent again. Decision 0024.
 */
public final class RobotWindowCapture implements ScreenCapture {
    private static final long FOLLOW_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Robot robot;
    private final Rectangle screen;
    private final String id;
    private final String label;
    /** The part of the window on the screen, even-sized for I420; touched only on the capture thread. */
    private Rectangle area;
    private long readAt;
    private boolean hidden;

    private RobotWindowCapture(Robot robot, Rectangle screen, SharedWindow window) {
        this.robot = robot;
        this.screen = screen;
        this.id = window.id();
        this.label = window.label();
        this.area = visible(window.bounds());
        this.readAt = System.nanoTime();
    }

    /** @throws ScreenUnavailableException with the reason when the window cannot be read */
    public static RobotWindowCapture open(SharedWindow window) {
        Optional<String> reason = RobotScreenCapture.unavailableReason();
        if (reason.isPresent()) {
            throw new ScreenUnavailableException(reason.get());
        }
        Robot robot;
        Rectangle screen;
        try {
            screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                    .getDefaultConfiguration().getBounds();
            robot = new Robot();
        } catch (AWTException | RuntimeException | Error e) {
            throw new ScreenUnavailableException("The screen cannot be read here (the display refused).", e);
        }
        SharedWindow now = X11Windows.find(window.id()).orElseThrow(() ->
                new ScreenUnavailableException("The window \"" + window.label() + "\" is closed or not shown."));
        RobotWindowCapture capture = new RobotWindowCapture(robot, screen, now);
        if (capture.area.isEmpty()) {
            throw new ScreenUnavailableException("The window \"" + window.label() + "\" is not on the screen.");
        }
        return capture;
    }

    /** The window's part on the screen, cut to even sizes (I420 halves both); empty when off the screen. */
    private Rectangle visible(Rectangle bounds) {
        Rectangle on = bounds.intersection(screen);
        if (on.width < 2 || on.height < 2) {
            return new Rectangle(0, 0, 0, 0);
        }
        return new Rectangle(on.x, on.y, on.width & ~1, on.height & ~1);
    }

    private void follow() {
        long now = System.nanoTime();
        if (now - readAt < FOLLOW_EVERY_NANOS) {
            return;
        }
        readAt = now;
        Optional<SharedWindow> where = X11Windows.find(id);
        if (where.isEmpty()) {
            // Closed, or merely not shown (minimised): xwininfo fails only for a window that is gone.
            if (!X11Windows.exists(id)) {
                throw new ScreenUnavailableException("The shared window \"" + label + "\" was closed.");
            }
            hidden = true;
            return;
        }
        Rectangle next = visible(where.get().bounds());
        hidden = next.isEmpty();
        if (!hidden) {
            area = next;
        }
    }

    @Override
    public int[] grab(int[] into) {
        follow();
        int size = area.width * area.height;
        if (hidden && into != null && into.length >= size) {
            return into; // the last picture again
        }
        BufferedImage image;
        try {
            image = robot.createScreenCapture(area);
        } catch (RuntimeException e) {
            throw new ScreenUnavailableException("The shared window could not be read any more.", e);
        }
        int[] pixels = into != null && into.length >= size ? into : new int[size];
        image.getRGB(0, 0, area.width, area.height, pixels, 0, area.width);
        image.flush();
        return pixels;
    }

    /** The size of the picture the last {@link #grab} returned. */
    @Override
    public int width() {
        return area.width;
    }

    @Override
    public int height() {
        return area.height;
    }

    @Override
    public void close() {
        // Robot holds nothing that needs closing.
    }
}
