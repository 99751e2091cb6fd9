package chat.free4.ui.room;

import chat.free4.ui.i18n.Texts;

import atlantafx.base.theme.Styles;
import chat.free4.ui.widgets.Avatar;
import chat.free4.ui.widgets.Described;
import chat.free4.ui.widgets.Icons;
import chat.free4.ui.widgets.Styling;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One person in the room: avatar (ring lights while they speak), name, connection state in
 * words, their own volume slider and a local mute that only affects what you hear.
 */
final class ParticipantCell extends ListCell<ParticipantViewModel> {
    private final Avatar avatar = new Avatar(40);
    private final Label name = new Label();
    private final Label state = new Label();
    private final Label speaking = new Label(Texts.get("room.person.speaking"));
    private final Label route = new Label();
    private final Label safetyCode = new Label();
    private final Label robot = new Label();
    private final Slider volume = new Slider(0, 2, 1);
    private final ToggleButton mute = new ToggleButton();
    private final HBox row;
    private ParticipantViewModel bound;

    ParticipantCell() {
        getStyleClass().add("participant-cell");
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "participant-name");
        state.getStyleClass().addAll(Styles.TEXT_SMALL, "participant-state");
        // A failure's reason is a sentence: it wraps rather than being cut off, and shows whole on hover.
        state.setWrapText(true);
        state.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip stateWords = new Tooltip();
        stateWords.textProperty().bind(state.textProperty());
        state.setTooltip(stateWords);
        speaking.getStyleClass().addAll(Styles.TEXT_SMALL, "speaking-label");
        speaking.setGraphic(Icons.of(Feather.ACTIVITY, 12));
        robot.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "participant-robot");
        robot.setGraphic(Icons.of(Feather.CPU, 12));
        robot.setMinWidth(Region.USE_PREF_SIZE); // on a line of its own, narrower than the safety words
        robot.managedProperty().bind(robot.textProperty().isNotEmpty());
        robot.visibleProperty().bind(robot.managedProperty());
        robot.setTooltip(new Tooltip(Texts.get("room.person.robotTooltip")));
        HBox nameLine = new HBox(8, name, speaking);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        route.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "participant-route");
        route.managedProperty().bind(route.textProperty().isNotEmpty());
        route.visibleProperty().bind(route.managedProperty());
        safetyCode.setId("participant-safety-code");
        safetyCode.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "participant-safety-code");
        safetyCode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // five words; cut off they could not be compared
        safetyCode.setGraphic(Icons.of(Feather.SHIELD, 12));
        safetyCode.managedProperty().bind(safetyCode.textProperty().isNotEmpty());
        safetyCode.visibleProperty().bind(safetyCode.managedProperty());
        safetyCode.setTooltip(new javafx.scene.control.Tooltip(Texts.get("room.person.safetyTooltip")));
        VBox text = new VBox(3, nameLine, robot, state, route, safetyCode);
        text.setAlignment(Pos.CENTER_LEFT);
        volume.setPrefWidth(100);
        volume.setMinWidth(64);
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        speaking.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        volume.getStyleClass().add(Styles.SMALL);
        volume.setTooltip(new Tooltip(Texts.get("room.person.volumeTooltip")));
        mute.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        mute.setTooltip(new Tooltip(Texts.get("room.person.muteTooltip")));
        Label volumeIcon = new Label(null, Icons.of(Feather.VOLUME_1, 14));
        volumeIcon.getStyleClass().add(Styles.TEXT_MUTED);
        // The words take what is left, so the volume and mute controls sit at the right edge and stay
        // inside the list at the default window size (with a spacer between, the mute button was clipped).
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(10, avatar, text, volumeIcon, volume, mute);
        row.setAlignment(Pos.CENTER_LEFT);
        // Fit the list's width instead of widening it (no horizontal scroll bar beside the chat).
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ParticipantViewModel person, boolean empty) {
        super.updateItem(person, empty);
        unbind();
        if (empty || person == null) {
            setId(null);
            pseudoClassStateChanged(Styling.SPEAKING, false);
            setGraphic(null);
            return;
        }
        bound = person;
        setId("participant-" + person.id());
        name.textProperty().bind(person.displayNameProperty());
        avatar.setName(person.displayNameProperty().get());
        showSpeaking(person.speakingProperty().get());
        person.speakingProperty().addListener(speakingListener);
        speaking.visibleProperty().bind(person.speakingProperty());
        state.textProperty().bind(person.stateTextProperty());
        route.textProperty().bind(person.routeProperty());
        safetyCode.textProperty().bind(person.safetyCodeProperty());
        robot.textProperty().bind(Bindings.when(person.robotGameProperty().isEmpty()).then("")
                .otherwise(Bindings.concat(Texts.get("room.person.robotGame"), person.robotGameProperty())));
        state.getStyleClass().removeAll("state-connected", "state-problem", "state-pending");
        person.stateProperty().addListener(stateListener);
        styleState(person.stateProperty().get());
        volume.valueProperty().bindBidirectional(person.volumeProperty());
        volume.disableProperty().bind(person.locallyMutedProperty());
        Described.named(volume, "room.person.volumeFor", person.displayNameProperty().get());
        mute.selectedProperty().bindBidirectional(person.locallyMutedProperty());
        mute.graphicProperty().bind(Bindings.when(person.locallyMutedProperty())
                .then(Icons.of(Feather.VOLUME_X)).otherwise(Icons.of(Feather.VOLUME_2)));
        Described.named(mute, "room.person.muteFor", person.displayNameProperty().get());
        setGraphic(row);
    }

    private final javafx.beans.value.ChangeListener<Boolean> speakingListener =
            (obs, old, now) -> showSpeaking(now);
    private final javafx.beans.value.ChangeListener<ConnectionState> stateListener =
            (obs, old, now) -> styleState(now);

    private void showSpeaking(boolean now) {
        avatar.setSpeaking(now);
        pseudoClassStateChanged(Styling.SPEAKING, now);
    }

    private void styleState(ConnectionState now) {
        state.getStyleClass().removeAll("state-connected", "state-problem", "state-pending");
        state.getStyleClass().add(now == ConnectionState.CONNECTED ? "state-connected"
                : now == ConnectionState.FAILED ? "state-problem" : "state-pending");
    }

    private void unbind() {
        if (bound == null) {
            return;
        }
        name.textProperty().unbind();
        state.textProperty().unbind();
        route.textProperty().unbind();
        route.setText("");
        safetyCode.textProperty().unbind();
        safetyCode.setText("");
        robot.textProperty().unbind();
        robot.setText("");
        speaking.visibleProperty().unbind();
        bound.speakingProperty().removeListener(speakingListener);
        bound.stateProperty().removeListener(stateListener);
        volume.valueProperty().unbindBidirectional(bound.volumeProperty());
        volume.disableProperty().unbind();
        mute.selectedProperty().unbindBidirectional(bound.locallyMutedProperty());
        mute.graphicProperty().unbind();
        bound = null;
    }
}
