package chat.free4.ui.chat;

import com.gluonhq.emoji.Emoji;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;

/**
 * The Twemoji sprite sheet the app draws emoji from (32 px cells, 256 colours, from npm
 * emoji-datasource-twitter 15.0.1, CC-BY 4.0, see NOTICE). Its layout is emoji-datasource 15.0.1's,
 * the same as the data Gluon's emoji jar bundles, so Gluon's sheet_x/sheet_y pick the same emoji;
 * Gluon's own sheets (Apple's artwork) are not used and the installers leave them out.
 */
public final class EmojiSheet {
    /** Resource path of the sheet. */
    public static final String RESOURCE = "/chat/free4/ui/chat/emoji/twemoji-32.png";
    /** Pixels of one emoji; each cell has one pixel of padding around it. */
    public static final int CELL = 32;
    private static final int PITCH = CELL + 2;

    private EmojiSheet() {
    }

    /** The sheet, loaded once. */
    public static Image image() {
        return Holder.IMAGE;
    }

    /** Where {@code emoji} sits in the sheet, without its padding. */
    public static Rectangle2D viewport(Emoji emoji) {
        return new Rectangle2D(emoji.getSheetX() * PITCH + 1, emoji.getSheetY() * PITCH + 1, CELL, CELL);
    }

    private static final class Holder {
        static final Image IMAGE = new Image(EmojiSheet.class.getResource(RESOURCE).toExternalForm());
    }
}
