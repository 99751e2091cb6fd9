package chat.free4.ui.lobby;

import chat.free4.ui.i18n.Texts;

import javafx.scene.control.PasswordField;

/** The optional room password field of the lobby: never shows what is typed. */
final class RoomPasswordField {

    private RoomPasswordField() {
    }

    static PasswordField create(String id) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(Texts.get("lobby.password.optional"));
        field.setAccessibleText(Texts.get("lobby.password.optional"));
        return field;
    }
}
