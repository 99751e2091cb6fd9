package chat.free4.ui.chat;

import chat.free4.ui.i18n.Texts;

import chat.free4.ui.widgets.Icons;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/** The button that shows or hides the chat, with a badge counting unread messages while hidden. */
public final class ChatToggle extends ToggleButton {

    /** Selected = chat shown; bound both ways to the model's collapsed flag (inverted). */
    public ChatToggle(ChatModel model) {
        setId("chat-toggle");
        // Words beside the icon: a blue square alone did not say what it does.
        setText(Texts.get("chat.toggle"));
        setMinWidth(USE_PREF_SIZE);
        setTooltip(new Tooltip(Texts.get("chat.toggleTooltip")));
        accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int unread = model.unreadProperty().get();
            return Texts.get("chat.toggleName", unread == 0 ? "" : Texts.get("chat.toggleUnread", unread),
                    Texts.get(isSelected() ? "chat.toggleShown" : "chat.toggleHidden"));
        }, model.unreadProperty(), selectedProperty()));
        Label badge = new Label();
        badge.setId("chat-unread-badge");
        badge.getStyleClass().add("chat-unread-badge");
        badge.setStyle("-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis;"
                + " -fx-background-radius: 8; -fx-padding: 0 5 0 5; -fx-font-size: 0.8em;");
        badge.textProperty().bind(model.unreadProperty().asString());
        badge.visibleProperty().bind(model.unreadProperty().greaterThan(0));
        StackPane graphic = new StackPane(Icons.of(Feather.MESSAGE_SQUARE), badge);
        StackPane.setAlignment(badge, javafx.geometry.Pos.TOP_RIGHT);
        badge.setTranslateX(10);
        badge.setTranslateY(-8);
        setGraphic(graphic);
        setSelected(!model.collapsedProperty().get());
        selectedProperty().addListener((obs, was, now) -> model.collapsedProperty().set(!now));
        model.collapsedProperty().addListener((obs, was, now) -> setSelected(!now));
    }
}
