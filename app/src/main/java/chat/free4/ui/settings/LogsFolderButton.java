package chat.free4.ui.settings;

import atlantafx.base.theme.Styles;
import chat.free4.ui.diagnostics.LogsFolder;
import chat.free4.ui.i18n.Texts;
import chat.free4.ui.widgets.Icons;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;

/** The button at the foot of Settings that shows the log and crash reports' folder in the file manager. */
final class LogsFolderButton {
    private LogsFolderButton() {
    }

    static Button create(Optional<LogsFolder> folder) {
        Button open = new Button(Texts.get("settings.openLogs"), Icons.of(Feather.FOLDER));
        open.setId("settings-open-logs");
        open.getStyleClass().add(Styles.FLAT);
        folder.ifPresentOrElse(f -> {
            open.setTooltip(new Tooltip(f.directory().toString()));
            open.setOnAction(e -> f.open());
        }, () -> open.setDisable(true));
        return open;
    }
}
