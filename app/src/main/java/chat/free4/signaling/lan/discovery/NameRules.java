package chat.free4.signaling.lan.discovery;

import java.util.Optional;

/**
 * The room-name and display-name rules of docs/PROTOCOL.md, applied to names that arrive from the
 * network (mDNS TXT records, direct signaling) as well as to our own.
 */
public final class NameRules {
    public static final int MAX_ROOM_CHARS = 64;
    public static final int MAX_DISPLAY_NAME_CHARS = 32;

    private NameRules() {
    }

    /** The trimmed room name, or empty if it breaks the rule. */
    public static Optional<String> room(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_ROOM_CHARS) {
            return Optional.empty();
        }
        boolean valid = name.codePoints().allMatch(c -> Character.isLetterOrDigit(c)
                || c == ' ' || c == '-' || c == '_' || c == '.');
        return valid ? Optional.of(name) : Optional.empty();
    }

    /** The trimmed display name, or empty if it breaks the rule. */
    public static Optional<String> displayName(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_DISPLAY_NAME_CHARS) {
            return Optional.empty();
        }
        return name.codePoints().allMatch(NameRules::isShowable) ? Optional.of(name) : Optional.empty();
    }

    /** Refuses controls, invisible format characters (bidi overrides, zero-width) and broken text. */
    private static boolean isShowable(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
