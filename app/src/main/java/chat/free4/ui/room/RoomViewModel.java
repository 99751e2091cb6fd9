package chat.free4.ui.room;

import chat.free4.ui.i18n.Texts;

import chat.free4.invite.InviteLink;
import chat.free4.ui.chat.ChatModels;
import chat.free4.ui.settings.VoiceMode;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the voice room, touched only on the FX thread. The microphone is open exactly when
 * not self-muted and, in push-to-talk mode, while the key is held; that single derived value is
 * what reaches the engine.
 */
public final class RoomViewModel {
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final ObjectProperty<ChatModels> chat = new SimpleObjectProperty<>();
    private final ObjectProperty<chat.free4.session.SessionBoard> board = new SimpleObjectProperty<>();
    private final ObjectProperty<chat.free4.screen.ScreenShare> screen = new SimpleObjectProperty<>();
    private final StringProperty roomName = new SimpleStringProperty("");
    private final ObjectProperty<InviteLink> invite = new SimpleObjectProperty<>();
    private final StringProperty roomKind = new SimpleStringProperty("");
    private final BooleanProperty passwordProtected = new SimpleBooleanProperty(false);
    private final BooleanProperty robotAdded = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty drawWord = new SimpleStringProperty("");
    private final ObservableList<ParticipantViewModel> participants = FXCollections.observableArrayList();
    private final BooleanProperty selfMuted = new SimpleBooleanProperty(false);
    private final BooleanProperty deafened = new SimpleBooleanProperty(false);
    private final ObjectProperty<VoiceMode> voiceMode = new SimpleObjectProperty<>(VoiceMode.VOICE_ACTIVITY);
    private final BooleanProperty pushToTalkHeld = new SimpleBooleanProperty(false);
    private final DoubleProperty micLevel = new SimpleDoubleProperty(0);
    private final StringProperty pushToTalkKey = new SimpleStringProperty("SPACE");
    private final BooleanBinding microphoneOpen;
    private final StringBinding microphoneText;
    private RoomActions actions;

    public RoomViewModel() {
        microphoneOpen = selfMuted.not().and(deafened.not())
                .and(voiceMode.isEqualTo(VoiceMode.VOICE_ACTIVITY).or(pushToTalkHeld));
        microphoneText = Bindings.createStringBinding(() -> {
            if (deafened.get()) {
                return Texts.get("room.status.deafened");
            }
            if (selfMuted.get()) {
                return Texts.get("room.status.muted");
            }
            if (voiceMode.get() == VoiceMode.PUSH_TO_TALK) {
                return pushToTalkHeld.get() ? Texts.get("room.status.talking") : Texts.get("room.status.holdToTalk", keyName(pushToTalkKey.get()));
            }
            return Texts.get("room.status.voiceActivity");
        }, selfMuted, deafened, voiceMode, pushToTalkHeld, pushToTalkKey);
        deafened.addListener((obs, old, now) -> {
            if (actions != null) {
                actions.setDeafened(now);
            }
        });
        microphoneOpen.addListener((obs, old, open) -> {
            if (actions != null) {
                actions.setMicrophoneOpen(open);
            }
        });
    }

    static String keyName(String keyCode) {
        return keyCode.length() <= 1 ? keyCode : keyCode.charAt(0) + keyCode.substring(1).toLowerCase().replace('_', ' ');
    }

    /** Connects the view model to the engine; the current microphone state is sent at once. */
    public void setActions(RoomActions actions) {
        this.actions = actions;
        actions.setMicrophoneOpen(microphoneOpen.get());
    }

    public void leave() {
        if (actions != null) {
            actions.leave();
        }
    }

    public void addRobot(String game) {
        if (actions != null) {
            actions.addRobot(game);
        }
    }

    public void removeRobot() {
        if (actions != null) {
            actions.removeRobot();
        }
    }

    /** A robot I added is in this room (I can remove it). */
    public BooleanProperty robotAddedProperty() {
        return robotAdded;
    }

    public void addParticipant(ParticipantViewModel participant) {
        participant.volumeProperty().addListener((obs, old, now) -> {
            if (actions != null) {
                actions.setParticipantVolume(participant.id(), now.doubleValue());
            }
        });
        participant.locallyMutedProperty().addListener((obs, old, now) -> {
            if (actions != null) {
                actions.setParticipantMuted(participant.id(), now);
            }
        });
        participants.add(participant);
    }

    public void removeParticipant(String id) {
        participants.removeIf(p -> p.id().equals(id));
    }

    public Optional<ParticipantViewModel> participant(String id) {
        return participants.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A room being joined; {@code withPassword}: a password room (only those who know it get in). */
    public void reset(String name, String kind, boolean withPassword) {
        participants.clear();
        roomName.set(name);
        roomKind.set(kind);
        passwordProtected.set(withPassword);
        status.set(Texts.get("room.status.joining"));
        error.set("");
        drawWord.set("");
        pushToTalkHeld.set(false);
        micLevel.set(0);
        active.set(true);
    }

    /** The room was left (or could not be joined): back to the lobby. */
    public void close() {
        chat.set(null);
        board.set(null);
        invite.set(null);
        robotAdded.set(false);
        drawWord.set("");
        active.set(false);
        participants.clear();
        pushToTalkHeld.set(false);
        micLevel.set(0);
    }

    /** True from the moment a join starts until the room is left; the window shows the room meanwhile. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Screen sharing, once the session exists (null before); the room's screens pane follows it. */
    public ObjectProperty<chat.free4.screen.ScreenShare> screenProperty() {
        return screen;
    }

    /** The room's whiteboard while in a room (null otherwise); its button opens it. */
    public ObjectProperty<chat.free4.session.SessionBoard> boardProperty() {
        return board;
    }

    /** The room's chat and transfers while in a room (null otherwise); the chat pane follows it. */
    public ObjectProperty<ChatModels> chatProperty() {
        return chat;
    }

    public StringProperty roomNameProperty() {
        return roomName;
    }

    /** The invite link to this room ("Copy invite link"); null when the room cannot be named in one. */
    public ObjectProperty<InviteLink> inviteProperty() {
        return invite;
    }

    public StringProperty roomKindProperty() {
        return roomKind;
    }

    /** True in a password room: the header says it is private and that connections prove the password. */
    public BooleanProperty passwordProtectedProperty() {
        return passwordProtected;
    }

    /** The room's own connection in words (joining, in the room, reconnecting to the relay…). */
    public StringProperty statusProperty() {
        return status;
    }

    /** The word a robot's draw and guess gave this person to draw, or empty: only this person sees it. */
    public StringProperty drawWordProperty() {
        return drawWord;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<ParticipantViewModel> participants() {
        return participants;
    }

    public BooleanProperty selfMutedProperty() {
        return selfMuted;
    }

    public ObjectProperty<VoiceMode> voiceModeProperty() {
        return voiceMode;
    }

    public BooleanProperty deafenedProperty() {
        return deafened;
    }

    public BooleanProperty pushToTalkHeldProperty() {
        return pushToTalkHeld;
    }

    public StringProperty pushToTalkKeyProperty() {
        return pushToTalkKey;
    }

    /** The person's own microphone level, 0..1, measured before muting so the meter always moves. */
    public DoubleProperty micLevelProperty() {
        return micLevel;
    }

    public BooleanBinding microphoneOpenProperty() {
        return microphoneOpen;
    }

    public StringBinding microphoneTextProperty() {
        return microphoneText;
    }
}
