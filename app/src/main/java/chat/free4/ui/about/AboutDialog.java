package chat.free4.ui.about;

import chat.free4.ui.i18n.Texts;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** The About window, opened from Settings; Escape or Close dismisses it. */
public final class AboutDialog {
    private AboutDialog() {
    }

    public static Dialog<Void> show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(Texts.get("about.title"));
        dialog.getDialogPane().setContent(new AboutView());
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Texts.get("about.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }
}
