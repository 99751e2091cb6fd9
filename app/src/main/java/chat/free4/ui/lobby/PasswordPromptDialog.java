package chat.free4.ui.lobby;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.theme.Styles;
import chat.free4.ui.widgets.Icons;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Asks for a room's password after the relay refused a join: what happened, what to do, and a
 * field that never shows what is typed. Its result is the typed password, or null for Cancel.
 */
public final class PasswordPromptDialog extends Dialog<String> {
    public PasswordPromptDialog(PasswordQuestion question) {
        setTitle(Texts.get("lobby.password.title"));
        setHeaderText(null);
        getDialogPane().setId("password-prompt");

        Label headline = new Label(question.headline(), Icons.of(Feather.LOCK, 20));
        headline.setId("password-prompt-headline");
        headline.getStyleClass().add(Styles.TITLE_4);
        headline.setWrapText(true);
        Label detail = new Label(question.detail());
        detail.setId("password-prompt-detail");
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setWrapText(true);
        PasswordField password = new PasswordField();
        password.setId("password-prompt-field");
        password.setPromptText(Texts.get("lobby.password.title"));
        chat.free4.ui.widgets.Described.named(password, "lobby.password.title");

        VBox content = new VBox(12, headline, detail, password);
        content.setPadding(new Insets(20, 24, 8, 24));
        content.setPrefWidth(420);
        getDialogPane().setContent(content);
        ButtonType join = new ButtonType(Texts.get("lobby.password.join"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, join);
        Node joinButton = getDialogPane().lookupButton(join);
        joinButton.setId("password-prompt-join");
        joinButton.disableProperty().bind(password.textProperty().isEmpty());
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("password-prompt-cancel");
        setOnShown(e -> password.requestFocus());
        setResultConverter(button -> {
            String typed = button == join ? password.getText() : null;
            password.clear();
            return typed;
        });
    }
}
