package chat.free4.robot;

import java.text.Normalizer;
import java.util.Locale;

/** How close a typed answer is to what was meant: case, spacing and end punctuation do not count. */
final class Spelling {
    private Spelling() {
    }

    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
        s = s.replaceAll("[\\s]+", " ");
        return s.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
    }

    /**
     * Edits between the two after {@link #normalize}: insert, delete or replace a character, or swap
     * two neighbours ("bicycel" is one edit from "bicycle", as a reader would count it).
     */
    static int distance(String typed, String meant) {
        String a = normalize(typed);
        String b = normalize(meant);
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
