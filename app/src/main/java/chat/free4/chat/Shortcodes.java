package chat.free4.chat;

import com.gluonhq.emoji.Emoji;
import com.gluonhq.emoji.EmojiData;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code :shortcode:} with the emoji it names, using the emoji-data set that Gluon's
 * emoji library ships (the same data the picker and the image sprites come from). Unknown codes
 * stay as typed, so "10:30:45" or ":notanemoji:" are left alone.
 */
public final class Shortcodes {
    private static final Pattern CODE = Pattern.compile(":([a-z0-9_+\\-]{1,40}):");

    private Shortcodes() {
    }

    public static String replace(String text) {
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            Optional<String> emoji = lookup(m.group(1));
            if (emoji.isPresent()) {
                out.append(text, last, m.start()).append(emoji.get());
                last = m.end();
            } else {
                // Let the closing colon start the next code: ":x:smile:" still finds ":smile:".
                m.region(m.end() - 1, text.length());
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Loads the emoji data in the background: the first lookup otherwise parses it on the
     * sending thread (about a second on a busy machine, measured in the chat benchmark).
     */
    public static void preload() {
        Thread t = new Thread(() -> lookup("smile"), "emoji-data-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The emoji a shortcode names (without colons), if any. */
    public static Optional<String> lookup(String shortName) {
        return EmojiData.emojiFromShortName(shortName).map(Emoji::character);
    }

    /** Emoji whose names contain {@code query}, for the picker's search box. */
    public static List<Emoji> search(String query) {
        return EmojiData.search(query);
    }
}
