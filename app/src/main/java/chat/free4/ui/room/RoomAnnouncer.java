package chat.free4.ui.room;

import chat.free4.ui.i18n.Texts;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;

/**
 * Tells a screen reader what happens in the room without moving the focus: "Bob joined", "Bob
 * left", "Bob is speaking" (issue 19). JavaFX 21 has no live region; this node's text changes and
 * it notifies {@link AccessibleAttribute#TEXT}, which the Windows and macOS bridges pass on (decision
 * 0030 says what readers make of it). Speaking is said at most once per {@link #SPEAKING_QUIET_MS}
 * per person, so a conversation is not read out word by word.
 */
public final class RoomAnnouncer {
    public static final long SPEAKING_QUIET_MS = 30_000;

    private final Label node = new Label();
    private final ReadOnlyStringWrapper announcement = new ReadOnlyStringWrapper("");
    private final ObservableBooleanValue inRoom;
    private final LongSupplier clock;
    private final Map<ParticipantViewModel, ChangeListener<Boolean>> speakingWatch = new HashMap<>();
    private final Map<String, Long> lastSaidSpeaking = new HashMap<>();

    public RoomAnnouncer(ObservableList<ParticipantViewModel> people, ObservableBooleanValue inRoom, LongSupplier clock) {
        this.inRoom = inRoom;
        this.clock = clock;
        node.setId("room-announcer");
        node.setAccessibleRole(AccessibleRole.TEXT);
        // Not drawn, but visible and in the scene: hidden nodes are left out of the accessibility tree.
        node.setOpacity(0);
        node.setManaged(false);
        node.setMouseTransparent(true);
        node.setFocusTraversable(false);
        people.forEach(this::watch);
        people.addListener((ListChangeListener<ParticipantViewModel>) c -> {
            while (c.next()) {
                for (ParticipantViewModel gone : c.getRemoved()) {
                    unwatch(gone);
                    // When you leave, the list empties after the room closed: nobody "left".
                    if (inRoom.get()) {
                        say(Texts.get("room.announce.left", gone.displayNameProperty().get()));
                    }
                }
                for (ParticipantViewModel come : c.getAddedSubList()) {
                    watch(come);
                    say(Texts.get("room.announce.joined", come.displayNameProperty().get()));
                }
            }
        });
    }

    /** The node to put in the room's scene. */
    public Label node() {
        return node;
    }

    /** The last thing said; empty until something happens. */
    public ReadOnlyStringProperty announcementProperty() {
        return announcement.getReadOnlyProperty();
    }

    private void watch(ParticipantViewModel person) {
        ChangeListener<Boolean> started = (obs, was, now) -> {
            if (now) {
                speaking(person);
            }
        };
        speakingWatch.put(person, started);
        person.speakingProperty().addListener(started);
    }

    private void unwatch(ParticipantViewModel person) {
        ChangeListener<Boolean> started = speakingWatch.remove(person);
        if (started != null) {
            person.speakingProperty().removeListener(started);
        }
    }

    private void speaking(ParticipantViewModel person) {
        long now = clock.getAsLong();
        Long last = lastSaidSpeaking.get(person.id());
        if (last != null && now - last < SPEAKING_QUIET_MS) {
            return;
        }
        lastSaidSpeaking.put(person.id(), now);
        say(Texts.get("room.announce.speaking", person.displayNameProperty().get()));
    }

    private void say(String words) {
        announcement.set(words);
        // Only the accessible text: the node has no size (unmanaged), so shown words would be cut to "".
        node.setAccessibleText(words);
        node.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }
}
