package chat.free4.ui.lobby;

import javafx.scene.control.PasswordField;

/** The optional room password field of the lobby: never shows what is typed. */
final class RoomPasswordField {
    static final String HINT = "Room password (optional)";

    private RoomPasswordField() {
    }

    static PasswordField create(String id) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(HINT);
        field.setAccessibleText(HINT);
        return field;
    }
}
