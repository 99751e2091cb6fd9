package chat.free4.ui.lobby;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.theme.Styles;
import chat.free4.ui.widgets.Icons;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** One room in a lobby list: name, tags, how many people are in it, and a Join button. */
final class RoomCell extends ListCell<RoomEntry> {
    private final Label name = new Label();
    private final HBox tags = new HBox(6);
    private final Label members = new Label();
    private final Button join = new Button(Texts.get("lobby.room.join"));
    private final HBox row;

    RoomCell(Consumer<RoomEntry> onJoin) {
        getStyleClass().add("room-cell");
        StackPane badge = new StackPane(Icons.of(Feather.HASH, 18));
        badge.getStyleClass().add("room-badge");
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "room-name");
        VBox text = new VBox(4, name, tags);
        text.setAlignment(Pos.CENTER_LEFT);
        members.setGraphic(Icons.of(Feather.USERS, 14));
        members.getStyleClass().add(Styles.TEXT_MUTED);
        join.getStyleClass().addAll(Styles.ACCENT);
        join.setDefaultButton(false);
        join.setOnAction(e -> {
            if (getItem() != null) {
                onJoin.accept(getItem());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row = new HBox(14, badge, text, spacer, members, join);
        row.setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(0);
        text.setMinWidth(0);
        // Enter on a focused row joins, so the lobby works without a mouse.
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && getItem() != null) {
                onJoin.accept(getItem());
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && getItem() != null) {
                onJoin.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(RoomEntry room, boolean empty) {
        super.updateItem(room, empty);
        if (empty || room == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(room.name());
        members.setText(room.membersText());
        join.setAccessibleText(Texts.get("lobby.room.joinName", room.name()));
        join.setId("join-" + room.name());
        tags.getChildren().setAll(tagLabels(room.tags()));
        setGraphic(row);
    }

    private static List<Label> tagLabels(List<String> values) {
        return values.stream().map(tag -> {
            Label label = new Label("#" + tag);
            label.getStyleClass().addAll("tag", Styles.TEXT_SMALL);
            return label;
        }).toList();
    }
}
