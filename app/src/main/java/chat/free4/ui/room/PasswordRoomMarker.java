package chat.free4.ui.room;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.theme.Styles;
import chat.free4.ui.widgets.Icons;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;

/** What the room header shows of a password room: a lock with words, and what the password does here. */
final class PasswordRoomMarker {

    private PasswordRoomMarker() {
    }

    /** The lock and "Private · password", beside the room's name. */
    static Label badge(BooleanExpression passwordRoom) {
        Label badge = new Label(Texts.get("room.password.badge"), Icons.of(Feather.LOCK, 12));
        badge.setId("room-private");
        badge.getStyleClass().addAll("private-tag", Styles.TEXT_SMALL);
        badge.setTooltip(new Tooltip(Texts.get("room.password.tooltip")));
        showWhile(badge, passwordRoom);
        return badge;
    }

    /** The sentence under the room's status: who gets in, and that connections are verified by the password. */
    static Label note(BooleanExpression passwordRoom) {
        Label note = new Label(Texts.get("room.password.note"), Icons.of(Feather.SHIELD, 14));
        note.setId("room-private-note");
        note.getStyleClass().addAll("private-note", Styles.TEXT_SMALL);
        note.setWrapText(true);
        showWhile(note, passwordRoom);
        return note;
    }

    private static void showWhile(Label label, BooleanExpression passwordRoom) {
        label.visibleProperty().bind(passwordRoom);
        label.managedProperty().bind(passwordRoom);
    }
}
