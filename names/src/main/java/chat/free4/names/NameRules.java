package chat.free4.names;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identifier rules of docs/PROTOCOL.md ("Identifiers and names"), the one copy that the relay,
 * the app's LAN transport and the app's screens all apply (decision 0015). Lengths count Unicode
 * code points; room and display names are trimmed first, and the trimmed form is the name.
 *
 * <p>Which names look alike (the confusable skeleton of decision 0013) is not decided here: that
 * needs ICU4J, and only the relay compares names.
 */
public final class NameRules {
    public static final int MAX_ROOM_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 32;
    public static final int MAX_TAGS = 5;
    public static final int MAX_TAG_LENGTH = 24;

    /** What is said when a room name breaks {@link #room}. */
    public static final String ROOM_RULE = "A room name is 1 to " + MAX_ROOM_LENGTH
            + " letters, digits, spaces, '-', '_' or '.'.";
    /** What is said when a display name breaks {@link #displayName}. */
    public static final String NAME_RULE = "A display name is 1 to " + MAX_NAME_LENGTH + " visible characters.";
    /** What is said when one tag breaks {@link #tag}. */
    public static final String TAG_RULE = "A tag is 1 to " + MAX_TAG_LENGTH + " of a-z, 0-9 or '-'.";
    /** What is said when a room's tags break {@link #tags}. */
    public static final String TAGS_RULE = "A room has at most " + MAX_TAGS + " tags, each 1 to " + MAX_TAG_LENGTH
            + " of a-z, 0-9 or '-'.";
    /** What is said when a peer id breaks {@link #peerId}. */
    public static final String PEER_ID_RULE = "A peer id is 8 to 64 letters, digits, '-' or '_'.";

    private static final Pattern PEER_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1," + MAX_TAG_LENGTH + "}");
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private NameRules() {
    }

    /** The trimmed room name, or empty if it breaks the rule (or is null). */
    public static Optional<String> room(String raw) {
        return trimmed(raw, MAX_ROOM_LENGTH).filter(name -> name.codePoints().allMatch(c -> Character.isLetterOrDigit(c)
                || c == ' ' || c == '-' || c == '_' || c == '.'));
    }

    /** The trimmed display name, or empty if it breaks the rule (or is null). */
    public static Optional<String> displayName(String raw) {
        return trimmed(raw, MAX_NAME_LENGTH).filter(name -> name.codePoints().allMatch(NameRules::isShowable));
    }

    /** {@code raw} without leading and trailing white space, if that is 1 to {@code max} code points. */
    private static Optional<String> trimmed(String raw, int max) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        int length = name.codePointCount(0, name.length());
        return length >= 1 && length <= max ? Optional.of(name) : Optional.empty();
    }

    /** One tag: 1 to 24 of a-z, 0-9 or '-'. */
    public static boolean tag(String value) {
        return value != null && TAG.matcher(value).matches();
    }

    /** A room's tags: at most 5, each a {@link #tag}. */
    public static boolean tags(List<String> values) {
        return values.size() <= MAX_TAGS && values.stream().allMatch(NameRules::tag);
    }

    /** A peer id: 8 to 64 of A-Z, a-z, 0-9, '-' or '_'. */
    public static boolean peerId(String value) {
        return value != null && PEER_ID.matcher(value).matches();
    }

    /**
     * A "control character" of the protocol: Unicode categories Cc, Cf (bidi overrides, zero-width
     * characters) except the zero-width joiner of emoji sequences, Zl and Zp. None can show in a name.
     */
    public static boolean isControl(int c) {
        if (c == ZERO_WIDTH_JOINER) {
            return false; // part of emoji sequences people put in names
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * What a display name may hold: no {@link #isControl control character} and no broken text
     * (unpaired surrogates, private-use and unassigned code points, which show as boxes or as
     * whatever a font vendor put there).
     */
    public static boolean isShowable(int c) {
        if (isControl(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.SURROGATE && type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
    }
}
