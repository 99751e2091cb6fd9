package chat.free4.ui.room;

import atlantafx.base.theme.Styles;
import chat.free4.ui.i18n.Texts;
import chat.free4.ui.widgets.Avatar;
import chat.free4.ui.widgets.Icons;
import chat.free4.ui.widgets.Styling;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * You, first among the people in the room, as others see you: your name marked "(you)", your
 * microphone's state in words, and the ring that lights while your microphone carries your voice.
 */
final class SelfParticipantRow extends HBox {

    SelfParticipantRow(RoomViewModel model, StringProperty selfName) {
        super(14);
        setId("participant-self");
        getStyleClass().addAll("participant-cell", "participant-self");
        Avatar avatar = new Avatar(40);
        avatar.setName(selfName.get());
        selfName.addListener((obs, old, now) -> avatar.setName(now));

        Label name = new Label();
        name.getStyleClass().addAll(Styles.TEXT_BOLD, "participant-name");
        name.textProperty().bind(Bindings.createStringBinding(() -> Texts.get("room.self.name", selfName.get()),
                selfName));
        name.setMinWidth(Region.USE_PREF_SIZE);
        BooleanBinding speaking = model.micLevelProperty().greaterThan(ParticipantViewModel.SPEAKING_THRESHOLD)
                .and(model.microphoneOpenProperty());
        Label speakingLabel = new Label(Texts.get("room.self.speaking"), Icons.of(Feather.ACTIVITY, 12));
        speakingLabel.getStyleClass().addAll(Styles.TEXT_SMALL, "speaking-label");
        speakingLabel.setMinWidth(Region.USE_PREF_SIZE);
        speakingLabel.visibleProperty().bind(speaking);
        HBox nameLine = new HBox(8, name, speakingLabel);
        nameLine.setAlignment(Pos.CENTER_LEFT);

        Label state = new Label();
        state.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "participant-state");
        state.textProperty().bind(model.microphoneTextProperty());
        VBox text = new VBox(3, nameLine, state);
        text.setAlignment(Pos.CENTER_LEFT);

        speaking.addListener((obs, was, now) -> {
            avatar.setSpeaking(now);
            pseudoClassStateChanged(Styling.SPEAKING, now);
        });
        getChildren().addAll(avatar, text);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 18, 10, 18)); // lines up with the list cells below (cell padding + list border)
        setAccessibleText(Texts.get("room.self.accessible", selfName.get()));
        selfName.addListener((obs, old, now) -> setAccessibleText(Texts.get("room.self.accessible", now)));
    }
}
