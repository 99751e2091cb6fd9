package chat.free4.screen;

import java.awt.Rectangle;

/**
 * One top-level window of the X display that can be shared on its own: its X id ("0x..."), its
 * title as the X server reports it, and where it is on the screen (absolute, in pixels).
 */
public record SharedWindow(String id, String title, Rectangle bounds) {
    public SharedWindow {
        if (id == null || !X11Windows.validId(id)) {
            throw new IllegalArgumentException("Not an X window id: " + id);
        }
        title = title == null ? "" : title;
        bounds = new Rectangle(bounds);
    }

    @Override
    public Rectangle bounds() {
        return new Rectangle(bounds);
    }

    /** The title for a menu or a terminal: control characters replaced, at most 80 characters. */
    public String label() {
        StringBuilder b = new StringBuilder();
        title.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.isEmpty() ? "(untitled window " + id + ")" : b.toString();
    }
}
