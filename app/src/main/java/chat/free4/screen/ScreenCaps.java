package chat.free4.screen;

/**
 * What one connection may send of a shared screen. In a full mesh the sharer sends one copy per
 * viewer, so the caps shrink with the room: frame rate goes first, resolution last, because text
 * must stay legible (issue 16). Voice is a few tens of kbit/s and keeps its share either way.
 */
public record ScreenCaps(int maxBitrate, double scaleResolutionDownBy, double maxFramerate) {
    /** What a sharer captures at; the caps never ask for more. */
    public static final double CAPTURE_FPS = 5;

    public static ScreenCaps forViewers(int viewers) {
        if (viewers <= 2) {
            return new ScreenCaps(1_500_000, 1.0, CAPTURE_FPS);
        }
        if (viewers <= 4) {
            return new ScreenCaps(1_000_000, 1.0, 3);
        }
        if (viewers <= 7) {
            return new ScreenCaps(700_000, 1.5, 2);
        }
        return new ScreenCaps(400_000, 2.0, 1);
    }

    public boolean reduced() {
        return scaleResolutionDownBy > 1.0 || maxFramerate < CAPTURE_FPS;
    }

    /** The sentence a sharer reads when the picture is reduced; "" when it is not. */
    public String note(int viewers) {
        if (!reduced()) {
            return "";
        }
        String size = scaleResolutionDownBy > 1.0
                ? String.format(java.util.Locale.ROOT, "at %d %% of its size and ", Math.round(100 / scaleResolutionDownBy))
                : "";
        return String.format(java.util.Locale.ROOT, "Your screen goes to %d people, so it is sent %s%s %s a second.",
                viewers, size, trim(maxFramerate), maxFramerate == 1 ? "frame" : "frames");
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
