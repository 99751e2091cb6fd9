package chat.free4.ui.room;

import chat.free4.ui.i18n.Texts;

import chat.free4.ui.widgets.Icons;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/** Texts.get("room.robot.add") (pick a game) in the room's header; once added, Texts.get("room.robot.remove") in its place. */
final class RobotButton {
    private RobotButton() {
    }

    static Node of(RoomViewModel model) {
        MenuButton add = new MenuButton(Texts.get("room.robot.add"), Icons.of(Feather.CPU));
        add.setId("add-robot");
        add.setTooltip(new Tooltip(Texts.get("room.robotTooltip")));
        add.getItems().addAll(game(Texts.get("room.robot.words"), "words", model), game(Texts.get("room.robot.interview"), "interview", model),
                game(Texts.get("room.robot.guess"), "guess", model), game(Texts.get("room.robot.draw"), "draw", model));
        Button remove = new Button(Texts.get("room.robot.remove"), Icons.of(Feather.X));
        remove.setId("remove-robot");
        remove.setOnAction(e -> model.removeRobot());
        // Like the header's other buttons they keep their words; the title shortens instead.
        add.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        add.visibleProperty().bind(model.robotAddedProperty().not());
        remove.visibleProperty().bind(model.robotAddedProperty());
        return new StackPane(add, remove);
    }

    private static MenuItem game(String words, String game, RoomViewModel model) {
        MenuItem item = new MenuItem(words);
        item.setId("add-robot-" + game);
        item.setOnAction(e -> model.addRobot(game));
        return item;
    }
}
