package chat.free4.ui.chat;

import chat.free4.ui.i18n.Texts;

import com.gluonhq.emoji.Emoji;
import com.gluonhq.emoji.EmojiData;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A grid of emoji by category, with a search box; a click hands the emoji's text to {@code onPick}. */
public final class EmojiPicker extends VBox {
    private static final List<String> CATEGORIES = List.of("Smileys & Emotion", "People & Body", "Animals & Nature", "Food & Drink",
            "Activities", "Travel & Places", "Objects", "Symbols", "Flags");
    private static final double SIZE = 24;

    private final Consumer<String> onPick;
    private final FlowPane grid = new FlowPane(2, 2);

    public EmojiPicker(Consumer<String> onPick) {
        this.onPick = onPick;
        setId("emoji-picker");
        getStyleClass().add("emoji-picker");
        setSpacing(6);
        setPadding(new Insets(8));
        TextField search = new TextField();
        search.setId("emoji-search");
        search.setPromptText(Texts.get("chat.emojiSearch"));
        chat.free4.ui.widgets.Described.named(search, "chat.emojiSearch");
        HBox tabs = new HBox(2);
        ToggleGroup group = new ToggleGroup();
        for (String category : CATEGORIES) {
            List<Emoji> emoji = inCategory(category);
            if (emoji.isEmpty()) {
                continue;
            }
            ToggleButton tab = new ToggleButton();
            tab.setGraphic(EmojiNodes.image(emoji.get(0), 18));
            tab.setTooltip(new Tooltip(categoryName(category)));
            tab.setAccessibleText(categoryName(category));
            tab.getStyleClass().add("flat");
            tab.setToggleGroup(group);
            tab.setOnAction(e -> {
                search.clear();
                show(emoji);
            });
            tabs.getChildren().add(tab);
        }
        search.textProperty().addListener((obs, old, text) -> {
            if (!text.isBlank()) {
                group.selectToggle(null);
                show(EmojiData.search(text.strip().toLowerCase()).stream().limit(120).toList());
            }
        });
        grid.setPrefWrapLength(8 * (SIZE + 14));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(8 * (SIZE + 14) + 20, 240);
        getChildren().addAll(search, tabs, scroll);
        if (!group.getToggles().isEmpty()) {
            group.getToggles().get(0).setSelected(true);
            show(inCategory(CATEGORIES.get(0)));
        }
    }

    private static List<Emoji> inCategory(String category) {
        return EmojiData.emojiFromCategory(category).stream()
                .sorted(Comparator.comparingInt(Emoji::getSortOrder)).toList();
    }

    private void show(List<Emoji> emoji) {
        grid.getChildren().clear();
        for (Emoji e : emoji) {
            Button b = new Button();
            b.setGraphic(EmojiNodes.image(e, SIZE));
            b.getStyleClass().addAll("flat", "emoji-choice");
            b.setUserData(e.character());
            b.setTooltip(new Tooltip(":" + e.getShortName() + ":"));
            // Read out as its short name ("smile"); the emoji's own character says nothing to some readers.
            b.setAccessibleText(Texts.get("chat.emojiName", e.getShortName().replace('_', ' ')));
            b.setOnAction(a -> onPick.accept(e.character()));
            grid.getChildren().add(b);
        }
    }

    /** The category's name in the person's language; CATEGORIES stay English to look emoji up. */
    private static String categoryName(String category) {
        return switch (category) {
            case "Smileys & Emotion" -> Texts.get("chat.emoji.smileys");
            case "People & Body" -> Texts.get("chat.emoji.people");
            case "Animals & Nature" -> Texts.get("chat.emoji.animals");
            case "Food & Drink" -> Texts.get("chat.emoji.food");
            case "Activities" -> Texts.get("chat.emoji.activities");
            case "Travel & Places" -> Texts.get("chat.emoji.travel");
            case "Objects" -> Texts.get("chat.emoji.objects");
            case "Symbols" -> Texts.get("chat.emoji.symbols");
            case "Flags" -> Texts.get("chat.emoji.flags");
            default -> category;
        };
    }
}
