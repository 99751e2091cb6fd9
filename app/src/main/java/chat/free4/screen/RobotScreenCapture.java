package chat.free4.screen;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The whole default screen, read from the X server through {@link java.awt.Robot} (XGetImage).
 * Chosen over webrtc-java 0.14.0's {@code ScreenCapturer}, which crashes the JVM on X11
 * (decision 0024). Does not work on a Wayland session without XWayland.
 */
public final class RobotScreenCapture implements ScreenCapture {
    private final Robot robot;
    private final Rectangle area;

    private RobotScreenCapture(Robot robot, Rectangle area) {
        this.robot = robot;
        this.area = area;
    }

    /** Why the screen cannot be shared here, in words; empty when it can. */
    public static Optional<String> unavailableReason() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            if (System.getenv("WAYLAND_DISPLAY") != null) {
                return Optional.of("Sharing a Wayland screen needs XWayland, which this desktop does not offer.");
            }
            return Optional.of("There is no screen here to share (no display).");
        }
        if (GraphicsEnvironment.isHeadless()) {
            return Optional.of("There is no screen here to share (this program runs without a display).");
        }
        return Optional.empty();
    }

    /** Opens the default screen. @throws ScreenUnavailableException with the reason when it cannot. */
    public static RobotScreenCapture open() {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            throw new ScreenUnavailableException(reason.get());
        }
        try {
            Rectangle area = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                    .getDefaultConfiguration().getBounds();
            return new RobotScreenCapture(new Robot(), area);
        } catch (AWTException | RuntimeException | Error e) {
            throw new ScreenUnavailableException("The screen cannot be read here (the display refused).", e);
        }
    }

    @Override
    public int[] grab(int[] into) {
        BufferedImage image;
        try {
            image = robot.createScreenCapture(area);
        } catch (RuntimeException e) {
            throw new ScreenUnavailableException("The screen could not be read any more.", e);
        }
        int size = area.width * area.height;
        int[] pixels = into != null && into.length >= size ? into : new int[size];
        image.getRGB(0, 0, area.width, area.height, pixels, 0, area.width);
        image.flush();
        return pixels;
    }

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
