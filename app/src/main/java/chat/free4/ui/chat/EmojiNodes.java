package chat.free4.ui.chat;

import com.gluonhq.emoji.Emoji;
import com.gluonhq.emoji.util.TextUtils;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;

/**
 * Turns text into JavaFX nodes with every emoji drawn as an image cut from the Twemoji sprite
 * sheet ({@link EmojiSheet}), so emoji look the same on every OS whatever fonts are installed.
 */
public final class EmojiNodes {
    /** Style class of an emoji image; its user data is the emoji's text. */
    public static final String EMOJI_STYLE = "chat-emoji";

    private EmojiNodes() {
    }

    /** Always cut from the one 32 px sheet, scaled; Gluon's image helpers (Apple's art) are not used. */
    public static ImageView image(Emoji emoji, double size) {
        ImageView view = new ImageView(EmojiSheet.image());
        view.setViewport(EmojiSheet.viewport(emoji));
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setSmooth(true);
        view.getStyleClass().add(EMOJI_STYLE);
        view.setUserData(emoji.character());
        return view;
    }

    /** Text pieces as {@link Text} with {@code textStyle}, emoji as images of {@code emojiSize}. */
    public static List<Node> of(String text, double emojiSize, String textStyle) {
        List<Node> nodes = new ArrayList<>();
        for (Object part : TextUtils.convertToStringAndEmojiObjects(text)) {
            if (part instanceof Emoji emoji) {
                nodes.add(image(emoji, emojiSize));
            } else {
                Text t = new Text(part.toString());
                t.getStyleClass().add(textStyle);
                nodes.add(t);
            }
        }
        return nodes;
    }

    /** Loads the sprite sheet early, off the FX thread, so the first emoji shows without a stall. */
    public static void preload() {
        Thread t = new Thread(EmojiSheet::image, "emoji-preload");
        t.setDaemon(true);
        t.start();
    }
}
