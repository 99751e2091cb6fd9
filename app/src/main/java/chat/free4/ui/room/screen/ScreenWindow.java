package chat.free4.ui.room.screen;

import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A shared screen enlarged in its own window: fit to the window, F11 or a double click for full screen. */
final class ScreenWindow {
    private ScreenWindow() {
    }

    static Stage open(Window owner, String title, ObjectProperty<WritableImage> image) {
        ImageView view = new ImageView();
        view.imageProperty().bind(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane root = new StackPane(view);
        root.setStyle("-fx-background-color: black;");
        view.fitWidthProperty().bind(root.widthProperty());
        view.fitHeightProperty().bind(root.heightProperty());
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        stage.setScene(new Scene(root, 960, 600));
        stage.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F11) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
        root.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
        stage.setOnHidden(e -> view.imageProperty().unbind());
        stage.show();
        return stage;
    }
}
