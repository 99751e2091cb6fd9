package chat.free4.ui.room;

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

/**
 * One other person in the room. The bridge writes level and connection state; the view writes
 * volume and local mute, which the bridge forwards to the engine.
 */
public final class ParticipantViewModel {
    /** Level (0..1, RMS of the received audio) above which we show "speaking". */
    public static final double SPEAKING_THRESHOLD = 0.02;

    private final String id;
    private final StringProperty displayName = new SimpleStringProperty();
    private final DoubleProperty level = new SimpleDoubleProperty(0);
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final StringProperty failureReason = new SimpleStringProperty("");
    /** How the connection goes, e.g. "via relay server (TURN) · 38 ms"; empty until measured. */
    private final StringProperty route = new SimpleStringProperty("");
    private final StringProperty safetyCode = new SimpleStringProperty("");
    private final StringProperty robotGame = new SimpleStringProperty("");
    private final DoubleProperty volume = new SimpleDoubleProperty(1.0);
    private final BooleanProperty locallyMuted = new SimpleBooleanProperty(false);
    private final BooleanBinding speaking;
    private final StringBinding stateText;

    public ParticipantViewModel(String id, String displayName) {
        this.id = id;
        this.displayName.set(displayName);
        speaking = level.greaterThan(SPEAKING_THRESHOLD).and(locallyMuted.not())
                .and(state.isEqualTo(ConnectionState.CONNECTED));
        stateText = Bindings.createStringBinding(() -> {
            ConnectionState now = state.get();
            String reason = failureReason.get();
            return now == ConnectionState.FAILED && !reason.isBlank() ? now.words() + ": " + reason : now.words();
        }, state, failureReason);
    }

    public String id() {
        return id;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public DoubleProperty levelProperty() {
        return level;
    }

    public ObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public StringProperty failureReasonProperty() {
        return failureReason;
    }

    /** Playback gain for this person only: 0 (silent) to 2 (twice as loud). */
    public DoubleProperty volumeProperty() {
        return volume;
    }

    public BooleanProperty locallyMutedProperty() {
        return locallyMuted;
    }

    public BooleanBinding speakingProperty() {
        return speaking;
    }

    public StringBinding stateTextProperty() {
        return stateText;
    }

    public StringProperty routeProperty() {
        return route;
    }

    /** Five words this person sees for our connection too, unless someone sits in between ("" until known). */
    public StringProperty safetyCodeProperty() {
        return safetyCode;
    }

    /** The game this peer says it hosts as a robot ("" for a person); a claim, not a proof (PROTOCOL.md). */
    public StringProperty robotGameProperty() {
        return robotGame;
    }

    public void setState(ConnectionState newState, String reason) {
        failureReason.set(reason == null ? "" : reason);
        state.set(newState);
    }
}
