package chat.free4.ui.room.board;

import chat.free4.ui.i18n.Texts;

import chat.free4.session.SessionBoard;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The room's Texts.get("board.open") button and the window it opens beside the voice room. The button is
 * there while in a room; leaving the room closes the window.
 */
public final class BoardWindow {
    private Stage stage;
    private BoardPane pane;

    private BoardWindow() {
    }

    /** The button for the room's control bar. */
    public static Button button(ObservableObjectValue<SessionBoard> board, Supplier<Window> owner) {
        BoardWindow window = new BoardWindow();
        Button open = new Button(Texts.get("board.open"));
        open.setId("open-board");
        open.setAccessibleText(Texts.get("board.openName"));
        open.disableProperty().bind(javafx.beans.binding.Bindings.isNull(board));
        open.setOnAction(e -> window.show(board.get(), owner.get()));
        board.addListener((obs, old, now) -> window.close());
        return open;
    }

    private void show(SessionBoard board, Window owner) {
        if (board == null) {
            return;
        }
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(Texts.get("board.open"));
            if (owner != null) {
                stage.initOwner(owner);
            }
            pane = new BoardPane(board, new DesktopActions(stage), Platform::runLater);
            Scene scene = new Scene(pane, 1100, 720);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
            stage.setOnHidden(e -> close());
        }
        stage.show();
        stage.toFront();
    }

    private void close() {
        Stage s = stage;
        stage = null;
        if (pane != null) {
            pane.dispose();
            pane = null;
        }
        if (s != null) {
            s.hide();
        }
    }

    /** Asks the person with the usual dialogs. */
    private record DesktopActions(Stage stage) implements BoardPaneActions {
        @Override
        public Optional<Path> chooseExportTarget() {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("board.export"));
            chooser.setInitialFileName("whiteboard.png");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG picture", "*.png"));
            return Optional.ofNullable(chooser.showSaveDialog(stage)).map(java.io.File::toPath);
        }

        @Override
        public boolean confirmClear() {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Texts.get("board.clearText"),
                    ButtonType.CANCEL, ButtonType.OK);
            ask.setHeaderText(Texts.get("board.clearHeader"));
            ask.initOwner(stage);
            return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
        }
    }
}
