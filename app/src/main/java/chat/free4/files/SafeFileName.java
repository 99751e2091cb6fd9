package chat.free4.files;

import java.util.regex.Pattern;

/**
 * A file name from a peer, made safe to show in a transfer row and to suggest in a save dialog:
 * it must read as what it is and be a plain name on every OS. No folders; controls (C0 and C1)
 * become '_'; format characters (bidi overrides such as U+202E, zero-width characters) and line
 * separators are removed, so "invoice\u202Efdp.exe" cannot pose as a PDF; every kind of space
 * becomes one ordinary space, so a run of spaces cannot push the real extension out of sight;
 * no leading dots (hidden files), no trailing dots or spaces (Windows drops them); Windows
 * device names (CON, NUL, COM1, ...) get a '_' in front; at most 200 characters, keeping the
 * extension.
 */
public final class SafeFileName {
    public static final int MAX_LENGTH = 200;
    private static final String FALLBACK = "shared-file";
    /** Reserved on Windows whatever the extension and case; COM¹..³ and LPT¹..³ count too. */
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(CON|PRN|AUX|NUL|CONIN\\$|CONOUT\\$|COM[0-9\u00B9\u00B2\u00B3]|LPT[0-9\u00B9\u00B2\u00B3])");

    private SafeFileName() {
    }

    public static String of(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder(base.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            i += Character.charCount(cp);
            switch (Character.getType(cp)) {
                case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                        Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> {
                    continue; // invisible, or able to reorder what follows
                }
                case Character.SPACE_SEPARATOR -> {
                    if (!lastWasSpace) {
                        out.append(' ');
                    }
                    lastWasSpace = true;
                    continue;
                }
                case Character.CONTROL -> {
                    if (Character.isWhitespace(cp)) { // tab, newline: spaces in all but name
                        if (!lastWasSpace) {
                            out.append(' ');
                        }
                        lastWasSpace = true;
                        continue;
                    }
                    out.append('_');
                }
                default -> out.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
            }
            lastWasSpace = false;
        }
        String safe = trimDotsAndSpaces(out.toString());
        safe = truncateKeepingExtension(safe);
        safe = trimDotsAndSpaces(safe);
        if (safe.isEmpty()) {
            return FALLBACK;
        }
        int dot = safe.indexOf('.');
        String stem = (dot < 0 ? safe : safe.substring(0, dot)).strip();
        if (RESERVED.matcher(stem).matches()) {
            safe = "_" + stem + (dot < 0 ? "" : safe.substring(dot));
        }
        return safe;
    }

    private static String trimDotsAndSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String truncateKeepingExtension(String s) {
        if (s.length() <= MAX_LENGTH) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
        int keep = MAX_LENGTH - ext.length();
        // Never cut a surrogate pair in half.
        if (Character.isHighSurrogate(s.charAt(keep - 1))) {
            keep--;
        }
        return s.substring(0, keep) + ext;
    }
}
