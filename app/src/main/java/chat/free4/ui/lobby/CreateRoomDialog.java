package chat.free4.ui.lobby;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.theme.Styles;
import chat.free4.names.NameRules;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * Asks for a new room's name, where it lives (LAN or relay), whether it is listed, tags, and an
 * optional password (a room with a password is never listed, on the relay or on this network).
 */
public final class CreateRoomDialog extends Dialog<CreateRoomRequest> {
    public CreateRoomDialog(boolean relayAvailable) {
        setTitle(Texts.get("lobby.create.title"));
        setHeaderText(Texts.get("lobby.create.header"));
        TextField name = new TextField();
        name.setId("create-room-name");
        name.setPromptText(Texts.get("lobby.create.namePrompt"));
        ToggleGroup where = new ToggleGroup();
        RadioButton lan = new RadioButton(Texts.get("lobby.create.lan"));
        lan.setId("create-room-lan");
        RadioButton relay = new RadioButton(Texts.get("lobby.create.relay"));
        relay.setId("create-room-relay");
        lan.setToggleGroup(where);
        relay.setToggleGroup(where);
        relay.setDisable(!relayAvailable);
        where.selectToggle(relayAvailable ? relay : lan);
        PasswordField password = RoomPasswordField.create("create-room-password");
        Label passwordNote = new Label(Texts.get("lobby.create.passwordNote"));
        passwordNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        passwordNote.setWrapText(true);
        BooleanBinding withPassword = password.textProperty().isNotEmpty();
        CheckBox listed = new CheckBox(Texts.get("lobby.create.listed"));
        listed.setId("create-room-public");
        listed.setSelected(true);
        listed.disableProperty().bind(relay.selectedProperty().not().or(withPassword));
        // Not shown as listed while it cannot be; the person's choice comes back without the password.
        boolean[] listedChoice = {true};
        withPassword.addListener((obs, had, has) -> {
            if (has) {
                listedChoice[0] = listed.isSelected();
                listed.setSelected(false);
            } else {
                listed.setSelected(listedChoice[0]);
            }
        });
        TextField tags = new TextField();
        tags.setId("create-room-tags");
        tags.setPromptText(Texts.get("lobby.create.tagsPrompt"));
        tags.disableProperty().bind(relay.selectedProperty().not().or(listed.selectedProperty().not()).or(withPassword));
        Label problem = new Label();
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(12);
        form.setPadding(new Insets(16, 20, 8, 20));
        form.addRow(0, labelFor("lobby.create.name", name), name);
        form.addRow(1, new Label(Texts.get("lobby.create.where")), new HBox(16, lan, relay));
        form.add(listed, 1, 2);
        form.addRow(3, labelFor("lobby.create.tags", tags), tags);
        form.addRow(4, labelFor("lobby.create.password", password), password);
        form.add(passwordNote, 1, 5);
        form.add(problem, 0, 6, 2, 1);
        getDialogPane().setContent(form);
        ButtonType create = new ButtonType(Texts.get("lobby.create.ok"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, create);
        Node createButton = getDialogPane().lookupButton(create);
        createButton.setId("create-room-confirm");
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> problemWith(name.getText(), tags.isDisabled() ? "" : tags.getText()), name.textProperty(),
                tags.textProperty(), tags.disabledProperty()));
        createButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> name.getText().isBlank() || !problem.getText().isEmpty(), name.textProperty(),
                problem.textProperty()));
        setOnShown(e -> name.requestFocus());
        setResultConverter(button -> {
            boolean protectedRoom = withPassword.get();
            CreateRoomRequest request = button != create ? null : new CreateRoomRequest(name.getText(),
                    relay.isSelected() ? RoomSource.RELAY : RoomSource.LAN,
                    relay.isSelected() && listed.isSelected() && !protectedRoom,
                    tags.isDisabled() ? List.of() : parseTags(tags.getText()))
                    .withPassword(protectedRoom ? password.getText() : "");
            password.clear();
            return request;
        });
    }

    /** A field's label that a screen reader reads as the field's name. */
    private static Label labelFor(String key, Node field) {
        Label label = new Label(Texts.get(key));
        label.setLabelFor(field);
        return label;
    }

    static List<String> parseTags(String text) {
        return Arrays.stream(text.strip().split("[\\s,]+")).filter(t -> !t.isEmpty())
                .map(t -> t.replaceFirst("^#", "")).distinct().toList();
    }

    /**
     * A sentence saying what to fix, or empty when the input is fine: the rules the relay and LAN
     * peers apply (NameRules), checked here so the person sees the problem before joining.
     */
    static String problemWith(String name, String tagText) {
        if (!name.isBlank() && NameRules.room(name).isEmpty()) {
            return chat.free4.ui.i18n.NameRuleTexts.room();
        }
        if (!NameRules.tags(parseTags(tagText))) {
            return chat.free4.ui.i18n.NameRuleTexts.tags();
        }
        return "";
    }
}
