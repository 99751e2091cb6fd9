package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.RemotePcmListener;
import chat.free4.audio.ToneGenerator;
import chat.free4.relay.RelayServer;
import chat.free4.relay.config.RelayConfig;
import chat.free4.ui.settings.WindowBounds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voice room at the window size a first start opens (issue 19): you are listed among the people,
 * no button or line is cut short to "...", and the chat's input has room to type in.
 */
class RoomPageFitsTheDefaultWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Wide enough for the prompt "Message the room (:smile: works)" and a few words typed. */
    private static final double INPUT_MIN_WIDTH = 220;

    @TempDir
    Path configDir;
    private RelayServer relay;
    private DesktopAppHarness ui;
    private HeadlessPeer bob;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(new ToneGenerator(880, 0.5), RemotePcmListener.none()));
    }

    @AfterEach
    void stop() throws Exception {
        if (bob != null) {
            bob.close();
        }
        if (ui != null) {
            ui.close();
        }
        relay.close();
    }

    @Test
    void youAreListedAndNothingIsCutShortAtTheDefaultSize() throws Exception {
        assertEquals(WindowBounds.DEFAULT.width(), DesktopAppHarness.onFx(() -> ui.app.stage().getWidth()));
        assertEquals(WindowBounds.DEFAULT.height(), DesktopAppHarness.onFx(() -> ui.app.stage().getHeight()));
        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-name").write("Standup");
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));
        bob = HeadlessPeer.join(relay.uri(), "Standup", "Bob", true, List.of());
        await().atMost(WAIT).until(() -> ui.app.room().participants().size() == 1
                && ui.text("#room-status").contains("1 of 1 connected") && ui.exists("#chat-pane")
                && ui.exists("#copy-invite"));

        assertTrue(ui.exists("#participant-self"), "you are listed among the people in the room");
        assertEquals("Ada (you)", ui.text("#participant-self .participant-name"));
        ui.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "room-default-size.png"));

        List<String> cut = DesktopAppHarness.onFx(() -> {
            List<String> found = new ArrayList<>();
            collectCutShort(ui.robot.lookup("#room").query(), found);
            return found;
        });
        assertEquals(List.of(), cut, "labels and buttons shown shortened");

        double sceneWidth = DesktopAppHarness.onFx(() -> ui.app.stage().getScene().getWidth());
        Bounds input = DesktopAppHarness.onFx(() -> sceneBounds(ui.robot.lookup("#chat-input").query()));
        assertTrue(input.getWidth() >= INPUT_MIN_WIDTH, "chat input is " + input.getWidth() + " px wide");
        assertTrue(input.getMaxX() <= sceneWidth, "chat input ends inside the window");
        String bobsCell = "#participant-" + ui.app.room().participants().get(0).id();
        List<String> hidden = DesktopAppHarness.onFx(() -> {
            Bounds list = sceneBounds(ui.robot.lookup("#participants").query());
            List<String> found = new ArrayList<>();
            collectControlsOutside(ui.robot.lookup(bobsCell).query(), list, found);
            return found;
        });
        assertEquals(List.of(), hidden, "Bob's volume and mute controls lie inside the list of people");
        for (String control : List.of("#self-mute", "#self-deafen", "#leave-room", "#chat-send")) {
            Bounds b = DesktopAppHarness.onFx(() -> sceneBounds(ui.robot.lookup(control).query()));
            assertTrue(b.getMaxX() <= sceneWidth, control + " ends inside the window, at " + b.getMaxX());
        }
    }

    /** A Labeled whose skin shows other words than its text (JavaFX's "..." when there is no room). */
    private static void collectCutShort(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                // The skin's own text node (an icon graphic is a Text too, so match the skin's class).
                if (child instanceof Text shown && child.getClass().getSimpleName().equals("LabeledText")
                        && !shown.getText().equals(labeled.getText())) {
                    found.add("\"" + labeled.getText() + "\" shown as \"" + shown.getText() + "\"");
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectCutShort(child, found);
            }
        }
    }

    /** Buttons and sliders under {@code node} that are drawn partly outside {@code area} (clipped away). */
    private static void collectControlsOutside(Node node, Bounds area, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.ButtonBase || node instanceof javafx.scene.control.Slider) {
            Bounds b = sceneBounds(node);
            if (b.getMinX() < area.getMinX() || b.getMaxX() > area.getMaxX()) {
                found.add(node.getClass().getSimpleName() + " at x " + b.getMinX() + ".." + b.getMaxX()
                        + " in a list from " + area.getMinX() + " to " + area.getMaxX());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectControlsOutside(child, area, found);
            }
        }
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
