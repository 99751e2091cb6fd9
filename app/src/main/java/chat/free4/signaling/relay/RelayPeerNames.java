package chat.free4.signaling.relay;

import chat.free4.names.NameRules;

/**
 * Display names as the relay reports them, made fit to show: the client trusts nothing from a relay
 * that it would refuse from a peer. What a display name may not hold ({@link NameRules#isShowable}:
 * bidi overrides, zero-width and other format characters but the emoji joiner, controls, line
 * separators, private-use and unassigned code points) is removed (so
 * "Ada", U+202E, "gnp.exe" shows as it is spelled), odd spaces become one space, the rest is cut to 32 characters, and a
 * name with nothing left shows as "Someone".
 */
final class RelayPeerNames {
    static final int MAX_CHARS = NameRules.MAX_NAME_LENGTH;
    static final String NOBODY = "Someone";

    private RelayPeerNames() {
    }

    static String clean(String raw) {
        if (raw == null) {
            return NOBODY;
        }
        StringBuilder kept = new StringBuilder(Math.min(raw.length(), 4 * MAX_CHARS));
        int count = 0;
        for (int i = 0; i < raw.length() && count < MAX_CHARS; ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (NameRules.isShowable(c)) {
                kept.appendCodePoint(Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c);
                count++;
            }
        }
        String name = kept.toString().strip().replaceAll(" {2,}", " ");
        return name.isEmpty() ? NOBODY : name;
    }
}
