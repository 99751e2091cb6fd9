package chat.free4.screen;

/**
 * Where a shared picture comes from. One implementation today ({@link RobotScreenCapture});
 * webrtc-java's own desktop capture crashes on X11 in 0.14.0 (decision 0024).
 */
public interface ScreenCapture extends AutoCloseable {

    /**
     * The current picture as 0x00RRGGBB ints, row by row, into {@code into} if it is large enough
     * (else a new array); {@link #width()} and {@link #height()} say its size.
     *
     * @throws ScreenUnavailableException with a sentence when the screen cannot be read any more
     */
    int[] grab(int[] into);

    int width();

    int height();

    @Override
    void close();
}
