package chat.free4.ui.settings;

import atlantafx.base.theme.Styles;
import chat.free4.ui.i18n.Texts;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/**
 * Settings' language choice: the system's, or one of {@link Texts#LANGUAGES}, kept in
 * DesktopComforts.language. Every view reads its words when built, so the choice applies at the next start.
 */
final class LanguageChoice extends VBox {
    LanguageChoice(SettingsViewModel model) {
        super(4);
        ComboBox<String> box = new ComboBox<>();
        box.setId("settings-language");
        box.getItems().add("");
        box.getItems().addAll(Texts.LANGUAGES);
        box.setValue(box.getItems().contains(model.current().comforts().language())
                ? model.current().comforts().language() : "");
        box.setButtonCell(cell());
        box.setCellFactory(v -> cell());
        box.setAccessibleText(Texts.get("settings.language"));
        box.valueProperty().addListener((obs, old, now) -> model.update(model.current()
                .withComforts(model.current().comforts().withLanguage(now == null ? "" : now))));
        Label note = new Label(Texts.get("settings.language.nextStart"));
        note.setId("settings-language-note");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        getChildren().addAll(box, note);
    }

    static String name(String tag) {
        return switch (tag) {
            case "" -> Texts.get("settings.language.system");
            case "en" -> Texts.get("settings.language.en");
            case "zh-CN" -> Texts.get("settings.language.zhCN");
            default -> tag;
        };
    }

    private static ListCell<String> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name(item));
            }
        };
    }
}
