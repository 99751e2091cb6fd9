package chat.free4.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits message text into plain parts and http(s) links. Only http and https count: a chat
 * link must never start a local program (file:, javascript:, custom schemes).
 */
public final class LinkFinder {
    /**
     * A link ends at any space, control or format character: a bidi override inside it would
     * show its end reversed, so the text shown as the link would not be what opens.
     */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"\\p{Z}\\p{Cc}\\p{Cf}]+", Pattern.CASE_INSENSITIVE);
    /** Sentence punctuation right after a link belongs to the sentence. */
    private static final String TRAILING = ".,;:!?)]}'";

    private LinkFinder() {
    }

    public static List<TextPart> split(String text) {
        List<TextPart> parts = new ArrayList<>();
        Matcher m = URL.matcher(text);
        int last = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0
                    && !balancedParen(text, m.start(), end)) {
                end--;
            }
            if (end - m.start() <= "https://".length()) {
                continue;
            }
            if (m.start() > last) {
                parts.add(new TextPart.Plain(text.substring(last, m.start())));
            }
            parts.add(new TextPart.Link(text.substring(m.start(), end)));
            last = end;
        }
        if (last < text.length()) {
            parts.add(new TextPart.Plain(text.substring(last)));
        }
        return parts;
    }

    /** Keeps the ')' of links like https://en.wikipedia.org/wiki/Java_(programming_language). */
    private static boolean balancedParen(String text, int start, int end) {
        if (text.charAt(end - 1) != ')') {
            return false;
        }
        long open = text.substring(start, end).chars().filter(c -> c == '(').count();
        long close = text.substring(start, end).chars().filter(c -> c == ')').count();
        return open >= close;
    }
}
