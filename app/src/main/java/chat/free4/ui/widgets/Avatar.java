package chat.free4.ui.widgets;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A round badge with a person's initials; its ring lights up while they speak. */
public final class Avatar extends StackPane {
    private static final String[] HUES = {"avatar-hue-0", "avatar-hue-1", "avatar-hue-2", "avatar-hue-3",
        "avatar-hue-4", "avatar-hue-5"};

    private final Label initials = new Label();

    public Avatar(double size) {
        getStyleClass().add("avatar");
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        initials.getStyleClass().add("avatar-initials");
        getChildren().add(initials);
    }

    public void setName(String name) {
        initials.setText(initialsOf(name));
        getStyleClass().removeAll(HUES);
        getStyleClass().add(HUES[Math.floorMod(name == null ? 0 : name.hashCode(), HUES.length)]);
    }

    public void setSpeaking(boolean speaking) {
        pseudoClassStateChanged(Styling.SPEAKING, speaking);
    }

    static String initialsOf(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] words = name.strip().split("\\s+");
        String first = words[0].substring(0, Character.charCount(words[0].codePointAt(0)));
        if (words.length == 1) {
            return first.toUpperCase();
        }
        String last = words[words.length - 1];
        return (first + last.substring(0, Character.charCount(last.codePointAt(0)))).toUpperCase();
    }
}
