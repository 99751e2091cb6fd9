package chat.free4.ui.settings;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.theme.Styles;
import chat.free4.ui.widgets.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The TURN servers of Settings → Network: one row per server with its URL, username and password,
 * and a button to add one. A change is checked as a join would check it; only a list whose every
 * filled-in row passes is saved, otherwise the sentence saying what is wrong is shown.
 */
final class TurnServersEditor extends VBox {
    private final VBox rows = new VBox(8);
    private final Consumer<List<TurnServerSetting>> save;
    private final Consumer<String> problem;

    TurnServersEditor(List<TurnServerSetting> initial, Consumer<List<TurnServerSetting>> save, Consumer<String> problem) {
        super(8);
        this.save = save;
        this.problem = problem;
        setId("settings-turn");
        Button add = new Button(Texts.get("settings.turn.add"), Icons.of(Feather.PLUS));
        add.setId("settings-turn-add");
        add.getStyleClass().add(Styles.SMALL);
        add.setOnAction(e -> addRow(new TurnServerSetting("", "", "")).getChildren().get(0).requestFocus());
        initial.forEach(this::addRow);
        getChildren().addAll(rows, add);
    }

    private HBox addRow(TurnServerSetting value) {
        int n = rows.getChildren().size();
        TextField url = new TextField(value.url());
        url.setId("settings-turn-url-" + n);
        url.setPromptText("turn:turn.example.org:3478?transport=udp");
        chat.free4.ui.widgets.Described.named(url, "settings.turn.url");
        TextField user = new TextField(value.username());
        user.setId("settings-turn-username-" + n);
        user.setPromptText(Texts.get("settings.turn.username"));
        chat.free4.ui.widgets.Described.named(user, "settings.turn.usernameName");
        PasswordField password = new PasswordField();
        password.setText(value.password());
        password.setId("settings-turn-password-" + n);
        password.setPromptText(Texts.get("settings.turn.password"));
        chat.free4.ui.widgets.Described.named(password, "settings.turn.passwordName");
        Button remove = new Button(null, Icons.of(Feather.X));
        remove.setId("settings-turn-remove-" + n);
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        chat.free4.ui.widgets.Described.iconOnly(remove, "settings.turn.remove");
        HBox row = new HBox(8, url, user, password, remove);
        HBox.setHgrow(url, Priority.ALWAYS);
        user.setPrefColumnCount(9);
        password.setPrefColumnCount(9);
        for (TextField field : List.of(url, user, password)) {
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    commit();
                }
            });
            field.setOnAction(e -> commit());
        }
        remove.setOnAction(e -> {
            rows.getChildren().remove(row);
            commit();
        });
        rows.getChildren().add(row);
        return row;
    }

    /** The rows as typed; rows with nothing in them are ignored. */
    List<TurnServerSetting> values() {
        List<TurnServerSetting> values = new ArrayList<>();
        for (var node : rows.getChildren()) {
            HBox row = (HBox) node;
            TurnServerSetting s = new TurnServerSetting(((TextField) row.getChildren().get(0)).getText(),
                    ((TextField) row.getChildren().get(1)).getText(), ((TextField) row.getChildren().get(2)).getText());
            if (!(s.url().isEmpty() && s.username().isEmpty() && s.password().isEmpty())) {
                values.add(s);
            }
        }
        return values;
    }

    private void commit() {
        List<TurnServerSetting> values = values();
        for (TurnServerSetting s : values) {
            try {
                java.util.Optional<String> bad = s.entry().problem();
                if (bad.isPresent()) {
                    throw new IllegalArgumentException(bad.get());
                }
                if (!s.url().toLowerCase(java.util.Locale.ROOT).startsWith("turn")) {
                    throw new IllegalArgumentException(Texts.get("settings.turn.notTurn", s.url()));
                }
            } catch (IllegalArgumentException bad) {
                problem.accept(bad.getMessage());
                return;
            }
        }
        save.accept(values);
    }
}
