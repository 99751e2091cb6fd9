package chat.free4.ui;

import static chat.free4.ui.DesktopAppHarness.onFx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.engine.TestRelay;
import chat.free4.signaling.SignalingState;
import chat.free4.ui.room.ConnectionState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every screen of the app, walked as a person reaches it (issue 19: "every icon-only button has an
 * accessible name and tooltip"): first run, lobby, the password question, Create room, the voice
 * room with Bob in it (his volume and mute), its chat with a link and the emoji picker open,
 * the whiteboard, Settings with a TURN row, About. On each, every button, toggle, menu button, link, slider and
 * text field in every open window must have words for a screen reader ({@link AccessibleNames}).
 */
class EveryControlIsNamedTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "lantern walrus 42";

    @TempDir
    Path configDir;
    private TestRelay relay;
    private DesktopAppHarness ui;
    private HeadlessPeer bea;
    private HeadlessPeer bob;

    @BeforeEach
    void start() throws Exception {
        relay = TestRelay.start("127.0.0.1");
        // No settings yet: the app starts on its first-run page.
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
    }

    @AfterEach
    void stop() throws Exception {
        for (HeadlessPeer peer : new HeadlessPeer[] {bob, bea}) {
            if (peer != null) {
                peer.close();
            }
        }
        if (ui != null) {
            ui.close();
        }
        relay.close();
    }

    @Test
    void everyControlOnEveryScreenHasWordsForAScreenReader() throws Exception {
        await().atMost(WAIT).until(() -> ui.exists("#first-run"));
        assertNamed("first run");
        ui.robot.clickOn("#first-run-name").eraseText(40).write("Ada");
        ui.robot.clickOn("#first-run-continue");
        await().atMost(WAIT).until(() -> ui.exists("#lobby")
                && onFx(() -> ui.app.lobby().relayAvailable().get()));
        assertNamed("lobby");

        // A password room someone else opened: joining it by name asks for the password.
        bea = HeadlessPeer.joinWithPassword(relay.uri(), "Attic", "Bea", PASSWORD);
        await().atMost(WAIT).until(() -> bea.engine.room().signaling() == SignalingState.JOINED);
        ui.robot.clickOn("#join-name").write("Attic");
        ui.robot.clickOn("#join-by-name");
        await().atMost(WAIT).until(() -> ui.exists("#password-prompt"));
        assertNamed("password question");
        ui.robot.clickOn("#password-prompt-cancel");
        await().atMost(WAIT).until(() -> !ui.exists("#password-prompt"));
        DesktopAppHarness.runFx(() -> ui.lookup("#join-name", TextField.class).clear());

        ui.robot.clickOn("#create-room");
        await().atMost(WAIT).until(() -> ui.exists("#create-room-name"));
        assertNamed("create room");
        ui.robot.clickOn("#create-room-name").write("Standup");
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));

        bob = HeadlessPeer.join(relay.uri(), "Standup", "Bob", true, List.of());
        await().atMost(WAIT).until(() -> onFx(() -> ui.app.room().participants().size() == 1
                && ui.app.room().participants().get(0).stateProperty().get() == ConnectionState.CONNECTED));
        String bobsRow = "#participant-" + onFx(() -> ui.app.room().participants().get(0).id());
        await().atMost(WAIT).until(() -> ui.exists(bobsRow) && ui.exists("#chat-pane") && bob.chatConnected());
        bob.say("notes at https://example.org/standup");
        await().atMost(WAIT).until(() -> onFx(() -> ui.robot.lookup("#chat-messages .hyperlink").tryQuery().isPresent()));
        assertNamed("voice room with Bob and the chat");

        ui.robot.clickOn("#emoji-button");
        await().atMost(WAIT).until(() -> ui.exists("#emoji-picker"));
        assertNamed("emoji picker");
        ui.robot.clickOn("#emoji-button");
        await().atMost(WAIT).until(() -> !ui.exists("#emoji-picker"));

        ui.robot.clickOn("#open-board");
        await().atMost(WAIT).until(() -> ui.exists("#board-canvas"));
        assertNamed("whiteboard");
        // Closed again, as its window's close button would: it lies over the main window's sidebar.
        DesktopAppHarness.runFx(() -> ui.robot.lookup("#board").query().getScene().getWindow().hide());
        await().atMost(WAIT).until(() -> !ui.exists("#board-canvas"));

        ui.robot.clickOn("#nav-settings");
        await().atMost(WAIT).until(() -> ui.exists("#settings-turn-add"));
        ui.click("#settings-turn-add");
        await().atMost(WAIT).until(() -> ui.exists("#settings-turn-remove-0"));
        assertNamed("settings");

        ui.click("#settings-about");
        await().atMost(WAIT).until(() -> ui.exists("#about"));
        assertNamed("about");
    }

    private void assertNamed(String screen) {
        int controls = onFx(AccessibleNames::controlsInShowingWindows);
        assertTrue(controls > 0, "controls found on " + screen);
        List<String> problems = onFx(AccessibleNames::problemsInShowingWindows);
        assertEquals(List.of(), problems, "controls a screen reader cannot name on " + screen
                + " (" + controls + " controls in " + onFx(() -> Window.getWindows().stream().filter(Window::isShowing).count())
                + " windows)");
    }
}
