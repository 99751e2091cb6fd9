package chat.free4.ui.settings;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import chat.free4.names.NameRules;
import chat.free4.signaling.ConfiguredIceServers;
import chat.free4.ui.widgets.Icons;
import chat.free4.ui.widgets.ScrollIntoView;
import chat.free4.ui.widgets.LevelMeter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * All settings on one scrollable page, grouped like other voice apps. Text fields save when they
 * lose focus or on Enter; choices save at once.
 */
public final class SettingsView extends ScrollPane {
    private static final String SYSTEM_DEFAULT = "";
    private final SettingsViewModel model;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        setId("settings");
        setFitToWidth(true);
        getStyleClass().addAll("page", "edge-to-edge");
        Label title = new Label(Texts.get("settings.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Message problem = new Message(Texts.get("settings.notSaved"), "");
        problem.getStyleClass().add(Styles.DANGER);
        problem.descriptionProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox page = new VBox(22, title, problem, profile(), audio(), voice(), network(), appearance(),
                new HBox(8, AboutButton.create(), LogsFolderButton.create(model.logsFolder())));
        page.setPadding(new Insets(28, 32, 32, 32));
        page.setMaxWidth(760);
        setContent(page);
        // Keyboard navigation: whatever gets focus is scrolled into view.
        javafx.beans.value.ChangeListener<Node> follow = (obs, old, focused) -> {
            if (focused != null) {
                ScrollIntoView.reveal(this, focused);
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(follow);
            }
            if (scene == null) {
                model.audioTests().stopMicTest();
            } else {
                scene.focusOwnerProperty().addListener(follow);
            }
        });
    }

    private Node profile() {
        TextField name = new TextField(model.current().displayName());
        name.setId("settings-display-name");
        commitOnExit(name, () -> {
            Optional<String> value = NameRules.displayName(name.getText());
            if (value.isEmpty()) {
                model.problemProperty().set(chat.free4.ui.i18n.NameRuleTexts.displayName());
                return;
            }
            model.update(model.current().withDisplayName(value.get()));
        });
        return section(Texts.get("settings.profile"), Feather.USER, row(Texts.get("settings.displayName"), name));
    }

    private Node audio() {
        ComboBox<String> input = deviceBox("settings-input", model.inputDevices(), model.current().inputDevice(),
                now -> model.update(model.current().withDevices(now, model.current().outputDevice())));
        ComboBox<String> output = deviceBox("settings-output", model.outputDevices(), model.current().outputDevice(),
                now -> model.update(model.current().withDevices(model.current().inputDevice(), now)));
        LevelMeter meter = new LevelMeter(model.micTestLevelProperty());
        meter.setId("settings-mic-meter");
        meter.setMaxWidth(Double.MAX_VALUE);
        ToggleButton micTest = new ToggleButton(Texts.get("settings.micTest"), Icons.of(Feather.MIC));
        micTest.setId("settings-mic-test");
        micTest.selectedProperty().addListener((obs, old, on) -> {
            if (on) {
                model.audioTests().startMicTest(model.current().inputDevice());
            } else {
                model.audioTests().stopMicTest();
                model.micTestLevelProperty().set(0);
            }
        });
        HBox meterRow = new HBox(12, micTest, meter);
        HBox.setHgrow(meter, Priority.ALWAYS);
        meterRow.setAlignment(Pos.CENTER_LEFT);
        Button testSound = new Button(Texts.get("settings.testSound"), Icons.of(Feather.VOLUME_2));
        testSound.setId("settings-test-sound");
        testSound.setOnAction(e -> model.audioTests().playTestSound(model.current().outputDevice()));
        CheckBox echo = soundSwitch("settings-echo-cancellation", Texts.get("settings.echo"),
                Texts.get("settings.echoHint"), model.current().sound().echoCancellation());
        CheckBox noise = soundSwitch("settings-noise-suppression", Texts.get("settings.noise"),
                Texts.get("settings.noiseHint"), model.current().sound().noiseSuppression());
        CheckBox gain = soundSwitch("settings-auto-gain", Texts.get("settings.gain"),
                Texts.get("settings.gainHint"), model.current().sound().autoGain());
        Runnable commit = () -> model.update(model.current().withSound(
                model.current().sound().withProcessing(echo.isSelected(), noise.isSelected(), gain.isSelected())));
        echo.selectedProperty().addListener((obs, old, now) -> commit.run());
        noise.selectedProperty().addListener((obs, old, now) -> commit.run());
        gain.selectedProperty().addListener((obs, old, now) -> commit.run());
        VBox processing = new VBox(8, echo, noise, gain);
        return section(Texts.get("settings.audio"), Feather.HEADPHONES, row(Texts.get("settings.microphone"), input), row("", meterRow),
                row(Texts.get("settings.speakers"), output), row("", testSound), row(Texts.get("settings.processing"), processing));
    }

    private Node voice() {
        ToggleGroup mode = new ToggleGroup();
        ToggleButton activity = new ToggleButton(Texts.get("settings.voiceActivity"));
        activity.setId("settings-mode-voice");
        activity.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton ptt = new ToggleButton(Texts.get("settings.pushToTalk"));
        ptt.setId("settings-mode-ptt");
        ptt.getStyleClass().add(Styles.RIGHT_PILL);
        activity.setToggleGroup(mode);
        ptt.setToggleGroup(mode);
        mode.selectToggle(model.current().voiceMode() == VoiceMode.PUSH_TO_TALK ? ptt : activity);
        mode.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            model.update(model.current().withVoiceMode(now == ptt ? VoiceMode.PUSH_TO_TALK : VoiceMode.VOICE_ACTIVITY));
        });
        model.settingsProperty().addListener((obs, old, now) ->
                mode.selectToggle(now.voiceMode() == VoiceMode.PUSH_TO_TALK ? ptt : activity));

        Button key = new Button(model.current().pushToTalkKey());
        key.setId("settings-ptt-key");
        key.setGraphic(Icons.of(Feather.COMMAND));
        key.setOnAction(e -> {
            key.setText(Texts.get("settings.pressKey"));
            key.addEventFilter(KeyEvent.KEY_PRESSED, new javafx.event.EventHandler<>() {
                @Override
                public void handle(KeyEvent event) {
                    event.consume();
                    key.removeEventFilter(KeyEvent.KEY_PRESSED, this);
                    if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                        key.setText(model.current().pushToTalkKey());
                        return;
                    }
                    model.update(model.current().withPushToTalkKey(event.getCode().name()));
                    key.setText(event.getCode().name());
                }
            });
        });
        HBox modeBox = new HBox(0, activity, ptt);
        Slider sensitivity = new Slider(0, 1, model.current().sound().voiceSensitivity());
        sensitivity.setId("settings-voice-sensitivity");
        sensitivity.setTooltip(new Tooltip(Texts.get("settings.sensitivityTooltip")));
        chat.free4.ui.widgets.Described.named(sensitivity, "settings.sensitivity");
        sensitivity.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.update(model.current().withSound(model.current().sound().withVoiceSensitivity(sensitivity.getValue())));
            }
        });
        sensitivity.setOnMouseReleased(e -> model.update(
                model.current().withSound(model.current().sound().withVoiceSensitivity(sensitivity.getValue()))));
        sensitivity.disableProperty().bind(ptt.selectedProperty());
        return section(Texts.get("settings.voice"), Feather.RADIO, row(Texts.get("settings.mode"), modeBox), row(Texts.get("settings.pttKey"), key),
                row(Texts.get("settings.sensitivity"), sensitivity));
    }

    private Node network() {
        TextField relay = new TextField(model.current().relayUrl());
        relay.setId("settings-relay");
        relay.setPromptText(Texts.get("settings.relayPrompt"));
        commitOnExit(relay, () -> {
            String value = relay.getText().strip();
            if (!value.isEmpty() && !value.matches("wss?://\\S+")) {
                model.problemProperty().set(Texts.get("settings.relayProblem"));
                return;
            }
            model.update(model.current().withRelayUrl(value));
        });
        TextArea stun = serverList("settings-stun", model.current().stunServers(), "stun:stun.example.org:3478");
        commitOnExit(stun, () -> {
            List<String> urls = lines(stun.getText());
            for (String url : urls) {
                java.util.Optional<String> bad = new ConfiguredIceServers.Entry(url, "", "").problem();
                if (bad.isPresent()) {
                    model.problemProperty().set(bad.get());
                    return;
                }
            }
            model.update(model.current().withIceServers(urls, model.current().turnServers()));
        });
        TurnServersEditor turn = new TurnServersEditor(model.current().turnServers(),
                values -> model.update(model.current().withIceServers(model.current().stunServers(), values)),
                sentence -> model.problemProperty().set(sentence));
        ComboBox<String> lan = deviceBox("settings-lan-interface", model.lanInterfaces(), model.current().lanInterface(),
                now -> model.update(model.current().withLanInterface(now)));
        Label hint = new Label(Texts.get("settings.networkHint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return section(Texts.get("settings.network"), Feather.GLOBE, row(Texts.get("settings.relay"), relay), row(Texts.get("settings.stun"), stun),
                row(Texts.get("settings.turn"), turn), row(Texts.get("settings.lanInterface"), lan), row("", hint));
    }

    private Node appearance() {
        ToggleGroup theme = new ToggleGroup();
        ToggleButton light = new ToggleButton(Texts.get("settings.light"), Icons.of(Feather.SUN));
        light.setId("settings-theme-light");
        light.getStyleClass().add(Styles.LEFT_PILL);
        ToggleButton dark = new ToggleButton(Texts.get("settings.dark"), Icons.of(Feather.MOON));
        dark.setId("settings-theme-dark");
        dark.getStyleClass().add(Styles.RIGHT_PILL);
        light.setToggleGroup(theme);
        dark.setToggleGroup(theme);
        theme.selectToggle(model.current().theme() == Theme.LIGHT ? light : dark);
        theme.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            model.update(model.current().withTheme(now == light ? Theme.LIGHT : Theme.DARK));
        });
        return section(Texts.get("settings.appearance"), Feather.EYE, row(Texts.get("settings.theme"), new HBox(0, light, dark)),
                row(Texts.get("settings.language"), new LanguageChoice(model)));
    }

    /**
     * A choice among devices that come and go. Only the person's choice reaches {@code chosen}
     * ("" for the system default): refilling the list when a device is plugged in passes through
     * an empty selection, which must not switch the call to the default and back.
     */
    private static ComboBox<String> deviceBox(String id, javafx.collections.ObservableList<String> items, String value,
                                              java.util.function.Consumer<String> chosen) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        boolean[] filling = {false};
        Runnable fill = () -> {
            String selected = box.getValue();
            filling[0] = true;
            try {
                box.getItems().setAll(items);
                box.getItems().add(0, SYSTEM_DEFAULT);
                box.setValue(selected);
            } finally {
                filling[0] = false;
            }
        };
        items.addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        if (!value.isEmpty() && !box.getItems().contains(value)) {
            box.getItems().add(value);
        }
        box.setValue(value);
        box.valueProperty().addListener((obs, old, now) -> {
            if (!filling[0]) {
                chosen.accept(orDefault(now));
            }
        });
        box.setButtonCell(defaultAwareCell());
        box.setCellFactory(v -> defaultAwareCell());
        return box;
    }

    private static ListCell<String> defaultAwareCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.isEmpty() ? Texts.get("settings.systemDefault") : item);
            }
        };
    }

    private static TextArea serverList(String id, List<String> values, String prompt) {
        TextArea area = new TextArea(String.join("\n", values));
        area.setId(id);
        area.setPromptText(Texts.get("settings.onePerLine", prompt));
        area.setPrefRowCount(2);
        area.setWrapText(false);
        return area;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String orDefault(String value) {
        return value == null ? SYSTEM_DEFAULT : value;
    }

    private static void commitOnExit(javafx.scene.control.TextInputControl field, Runnable commit) {
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        if (field instanceof TextField text) {
            text.setOnAction(e -> commit.run());
        }
    }

    private static CheckBox soundSwitch(String id, String text, String tip, boolean on) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(on);
        box.setTooltip(new Tooltip(tip));
        return box;
    }

    private static Node section(String title, Feather icon, Node... rows) {
        Label heading = new Label(title, Icons.of(icon, 18));
        heading.getStyleClass().addAll(Styles.TITLE_4, "section-title");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(12);
        ColumnConstraints labels = new ColumnConstraints(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        for (int i = 0; i < rows.length; i++) {
            HBox row = (HBox) rows[i];
            grid.add(row.getChildren().get(0), 0, i);
            grid.add(row.getChildren().get(0), 1, i);
        }
        VBox card = new VBox(14, heading, grid);
        card.getStyleClass().add("settings-card");
        card.setPadding(new Insets(18, 20, 18, 20));
        return card;
    }

    private static Node row(String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setLabelFor(field);
        return new HBox(l, field);
    }
}
