package chat.free4.ui;

import chat.free4.ui.i18n.Texts;

import chat.free4.ui.widgets.Icons;
import atlantafx.base.theme.Styles;
import chat.free4.names.NameRules;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The first start asks only one thing: what others should call you. */
public final class FirstRunView extends StackPane {
    public FirstRunView(String suggestion, Consumer<String> onDone) {
        setId("first-run");
        getStyleClass().add("first-run");
        Label logo = new Label(null, Icons.of(Feather.HEADPHONES, 44));
        logo.getStyleClass().add("brand-logo");
        Label title = new Label(Texts.get("firstRun.title"));
        title.getStyleClass().add(Styles.TITLE_1);
        Label text = new Label(Texts.get("firstRun.question"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        TextField name = new TextField(suggestion);
        name.setId("first-run-name");
        text.setLabelFor(name); // the question names the field for a screen reader
        name.setPromptText(Texts.get("firstRun.namePrompt"));
        name.getStyleClass().add(Styles.LARGE);
        name.setMaxWidth(320);
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        Button go = new Button(Texts.get("firstRun.continue"));
        go.setId("first-run-continue");
        go.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        go.setDefaultButton(true);
        go.disableProperty().bind(name.textProperty().isEmpty());
        go.setOnAction(e -> {
            Optional<String> value = NameRules.displayName(name.getText());
            if (value.isEmpty()) {
                problem.setText(chat.free4.ui.i18n.NameRuleTexts.displayName());
                return;
            }
            onDone.accept(value.get());
        });
        Label privacy = new Label(Texts.get("firstRun.privacy"));
        privacy.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        privacy.setWrapText(true);
        VBox card = new VBox(16, logo, title, text, name, problem, go, privacy);
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(440);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(40));
        card.getStyleClass().add("first-run-card");
        getChildren().add(card);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(name::requestFocus);
            }
        });
    }
}
