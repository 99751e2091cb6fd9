package chat.free4.ui.settings;

/**
 * Where the main window was and how big, so the next start opens it the same way. A null
 * position means "let the system place it".
 */
public record WindowBounds(Double x, Double y, double width, double height, boolean maximized) {
    public static final WindowBounds DEFAULT = new WindowBounds(null, null, 1040, 680, false);

    public WindowBounds {
        width = width >= 480 ? width : DEFAULT_WIDTH;
        height = height >= 360 ? height : DEFAULT_HEIGHT;
    }

    private static final double DEFAULT_WIDTH = 1040;
    private static final double DEFAULT_HEIGHT = 680;

    public boolean hasPosition() {
        return x != null && y != null;
    }
}
