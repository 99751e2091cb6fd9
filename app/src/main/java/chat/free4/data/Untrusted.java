package chat.free4.data;

/**
 * Makes a string that came from another peer safe to write into a log line: at most
 * {@link #MAX_LOGGED} characters, and every control, format (bidi overrides, zero-width) or
 * separator character shown as {@code \\uXXXX}, so a peer can neither forge log lines with
 * newlines nor hide text in them, nor fill the log with kilobytes per frame.
 */
public final class Untrusted {
    public static final int MAX_LOGGED = 80;

    private Untrusted() {
    }

    public static String forLog(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LOGGED) + 16);
        int shown = 0;
        int i = 0;
        while (i < s.length() && shown < MAX_LOGGED) {
            int cp = s.codePointAt(i);
            if (visible(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
            shown++;
            i += Character.charCount(cp);
        }
        if (i < s.length()) {
            out.append("… (").append(s.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * A peer's sentence (a reason it gives) made fit to show a person: controls, format and
     * separator characters removed, spaces collapsed, at most {@code max} characters.
     */
    public static String forDisplay(String s, int max) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        boolean space = false;
        for (int i = 0; i < s.length() && out.length() < max; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
            } else if (cp != '\\' && !visible(cp)) {
                continue;
            } else {
                out.appendCodePoint(cp);
                space = false;
            }
        }
        return out.toString().strip();
    }

    /** The reason of an exception that may quote peer input (Type.valueOf, UUID.fromString). */
    public static String forLog(Throwable e) {
        return forLog(e.getMessage());
    }

    private static boolean visible(int cp) {
        if (cp == '\\') {
            return false; // so an escaped sequence in the log cannot be faked by the peer
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED ->
                    cp == ' ';
            default -> true;
        };
    }
}
