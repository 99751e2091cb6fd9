package chat.free4.relay.protocol;

import java.util.List;
import java.util.regex.Pattern;

/** The identifier rules of docs/PROTOCOL.md ("Identifiers and names"). */
public final class NameRules {
    public static final int MAX_ROOM_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 32;
    public static final int MAX_TAGS = 5;
    public static final int MIN_SECRET_LENGTH = 8;
    public static final int MAX_SECRET_LENGTH = 128;

    private static final Pattern PEER_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1,24}");

    private NameRules() {
    }

    /** @return the trimmed room name, or null if it breaks the rule */
    public static String room(String raw) {
        String value = raw.strip();
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_ROOM_LENGTH) {
            return null;
        }
        boolean ok = value.codePoints().allMatch(c -> Character.isLetterOrDigit(c)
                || c == ' ' || c == '-' || c == '_' || c == '.');
        return ok ? value : null;
    }

    /** @return the trimmed display name, or null if it breaks the rule */
    public static String displayName(String raw) {
        String value = raw.strip();
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_NAME_LENGTH) {
            return null;
        }
        return value.codePoints().noneMatch(NameRules::isControl) ? value : null;
    }

    public static boolean peerId(String value) {
        return PEER_ID.matcher(value).matches();
    }

    public static boolean secret(String value) {
        int length = value.codePointCount(0, value.length());
        return length >= MIN_SECRET_LENGTH && length <= MAX_SECRET_LENGTH
                && value.codePoints().noneMatch(NameRules::isControl);
    }

    public static boolean tag(String value) {
        return TAG.matcher(value).matches();
    }

    public static boolean tags(List<String> values) {
        return values.size() <= MAX_TAGS && values.stream().allMatch(NameRules::tag);
    }

    private static boolean isControl(int c) {
        if (c == 0x200D) {
            return false; // zero-width joiner: part of emoji sequences people put in names
        }
        int type = Character.getType(c);
        // Control, format (bidi overrides, zero-width) and line/paragraph separators cannot show in a name.
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
