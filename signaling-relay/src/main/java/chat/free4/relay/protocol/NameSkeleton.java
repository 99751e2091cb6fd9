package chat.free4.relay.protocol;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * The form under which names that look alike are the same name (decision 0013): NFKC, then
 * without default-ignorable characters (zero-width joiners, variation selectors, Hangul fillers)
 * and combining marks, with every run of spaces as one space, then the UTS #39 confusable
 * skeleton (Cyrillic "а" is Latin "a"). Only ever compared, never shown: the relay reports names
 * as they were given.
 */
public final class NameSkeleton {
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CONFUSABLE).build();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private NameSkeleton() {
    }

    public static String of(String name) {
        String decomposed = NFD.normalize(NFKC.normalize(name));
        StringBuilder kept = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (invisible(c) || isMark(c)) {
                continue;
            }
            if (UCharacter.isUWhiteSpace(c)) {
                space = kept.length() > 0;
                continue;
            }
            if (space) {
                kept.append(' ');
                space = false;
            }
            kept.appendCodePoint(c);
        }
        return CONFUSABLES.getSkeleton(kept);
    }

    /** True when nothing in the name would show: only spaces, marks and invisible characters. */
    public static boolean isInvisible(String name) {
        String normalized = NFKC.normalize(name);
        return normalized.codePoints().allMatch(c -> invisible(c) || isMark(c) || UCharacter.isUWhiteSpace(c));
    }

    private static boolean invisible(int c) {
        // Braille blank and the Hangul fillers render as empty space; the fillers are also
        // default-ignorable, the braille blank is not.
        return c == 0x2800 || c == 0x3164 || c == 0xFFA0 || c == 0x115F || c == 0x1160
                || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    private static boolean isMark(int c) {
        int type = UCharacter.getType(c);
        return type == UCharacter.NON_SPACING_MARK || type == UCharacter.ENCLOSING_MARK;
    }
}
