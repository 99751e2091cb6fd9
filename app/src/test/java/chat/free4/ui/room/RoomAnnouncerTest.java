package chat.free4.ui.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.ui.i18n.Texts;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** What the room says to a screen reader follows joins, leaves and who starts speaking, throttled (issue 19). */
class RoomAnnouncerTest {
    private final ObservableList<ParticipantViewModel> people = FXCollections.observableArrayList();
    private final SimpleBooleanProperty inRoom = new SimpleBooleanProperty(true);
    private final AtomicLong now = new AtomicLong(1_000_000);
    private RoomAnnouncer announcer;

    @BeforeEach
    void start() throws Exception {
        Texts.use("en");
        FxToolkit.registerPrimaryStage();
        announcer = fx(() -> new RoomAnnouncer(people, inRoom, now::get));
    }

    @AfterEach
    void languageBack() {
        Texts.use("");
    }

    @Test
    void joinsLeavesAndSpeakingAreSaidAndSpeakingIsNotRepeatedWithinItsQuietTime() throws Exception {
        assertEquals("", said());
        ParticipantViewModel bob = new ParticipantViewModel("bob-1", "Bob");
        ParticipantViewModel cleo = new ParticipantViewModel("cleo-1", "Cleo");
        fx(() -> people.add(bob));
        assertEquals("Bob joined", said());
        assertEquals("Bob joined", fx(() -> announcer.node().getAccessibleText()), "the node a screen reader reads");
        assertTrue(fx(() -> announcer.node().isVisible()), "a hidden node is left out of the accessibility tree");

        fx(() -> {
            bob.stateProperty().set(ConnectionState.CONNECTED);
            bob.levelProperty().set(0.3);
            return null;
        });
        assertEquals("Bob is speaking", said());

        fx(() -> people.add(cleo));
        assertEquals("Cleo joined", said());
        // Bob pauses and speaks again a second later: not said again.
        speakAgain(bob, 1_000);
        assertEquals("Cleo joined", said());
        // After the quiet time it is said again.
        speakAgain(bob, RoomAnnouncer.SPEAKING_QUIET_MS);
        assertEquals("Bob is speaking", said());

        fx(() -> people.remove(bob));
        assertEquals("Bob left", said());
        // Once gone, his level no longer speaks for him.
        speakAgain(bob, RoomAnnouncer.SPEAKING_QUIET_MS + 1);
        assertEquals("Bob left", said());

        // You leave: the room closes, then the list empties; nobody "left".
        fx(() -> {
            inRoom.set(false);
            people.clear();
            return null;
        });
        assertEquals("Bob left", said());
    }

    @Test
    void chineseWordsComeFromTheBundle() throws Exception {
        Texts.use("zh-CN");
        RoomAnnouncer chinese = fx(() -> new RoomAnnouncer(people, inRoom, now::get));
        fx(() -> people.add(new ParticipantViewModel("bob-1", "Bob")));
        assertEquals("Bob 加入了房间", fx(() -> chinese.announcementProperty().get()));
    }

    private void speakAgain(ParticipantViewModel person, long afterMs) throws Exception {
        fx(() -> {
            person.levelProperty().set(0);
            now.addAndGet(afterMs);
            person.levelProperty().set(0.3);
            return null;
        });
    }

    private String said() throws Exception {
        return fx(() -> announcer.announcementProperty().get());
    }

    private static <T> T fx(Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
