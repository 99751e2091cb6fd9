package chat.free4.ui.settings;

import atlantafx.base.theme.Styles;
import chat.free4.ui.about.AboutDialog;
import chat.free4.ui.i18n.Texts;
import chat.free4.ui.widgets.Icons;
import javafx.scene.control.Button;
import org.kordamp.ikonli.feather.Feather;

/** The button at the foot of Settings that opens the About window (version, credits, licences). */
final class AboutButton {
    private AboutButton() {
    }

    static Button create() {
        Button about = new Button(Texts.get("about.open"), Icons.of(Feather.INFO));
        about.setId("settings-about");
        about.getStyleClass().add(Styles.FLAT);
        about.setOnAction(e -> AboutDialog.show(about.getScene() == null ? null : about.getScene().getWindow()));
        return about;
    }
}
