package chat.free4.ui;

import static chat.free4.ui.DesktopAppHarness.onFx;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.engine.TestRelay;
import chat.free4.ui.room.ConnectionState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core path with the keyboard alone, no mouse click (issue 19: "the whole app works by
 * keyboard"): a name typed at the first start and Enter, Ctrl+N for Create room, a room name and
 * Enter, Ctrl+M mutes and unmutes in the room, Tab reaches the chat's input, typing and Enter sends
 * the message to Bob, Ctrl+L leaves.
 */
class KeyboardOnlyPathTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** More Tabs than the room page has stops: a field never reached is a failure, not a loop. */
    private static final int MAX_TABS = 60;

    @TempDir
    Path configDir;
    private TestRelay relay;
    private DesktopAppHarness ui;
    private HeadlessPeer bob;

    @BeforeEach
    void start() throws Exception {
        relay = TestRelay.start("127.0.0.1");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
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
    void joinTalkWriteAndLeaveWithTheKeyboardAlone() throws Exception {
        await().atMost(WAIT).until(() -> ui.exists("#first-run"));
        awaitFocusOn("first-run-name");
        ui.robot.push(KeyCode.CONTROL, KeyCode.A);
        typeKeys("Ada Keys");
        ui.robot.type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> ui.exists("#lobby") && onFx(() -> ui.app.lobby().relayAvailable().get()));
        assertEquals("Ada Keys", onFx(() -> ui.app.settings().current().displayName()));

        ui.robot.push(KeyCode.CONTROL, KeyCode.N);
        awaitFocusOn("create-room-name");
        typeKeys("Standup");
        await().atMost(WAIT).until(() -> "Standup".equals(onFx(() -> ((javafx.scene.control.TextField) focusOwner()).getText())));
        ui.robot.type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-name").equals("Standup")
                && ui.text("#room-status").startsWith("In the room"));

        bob = HeadlessPeer.join(relay.uri(), "Standup", "Bob", true, List.of());
        await().atMost(WAIT).until(() -> onFx(() -> ui.app.room().participants().size() == 1
                && ui.app.room().participants().get(0).stateProperty().get() == ConnectionState.CONNECTED)
                && bob.chatConnected());

        ui.robot.push(KeyCode.CONTROL, KeyCode.M);
        await().atMost(WAIT).until(() -> onFx(() -> ui.app.room().selfMutedProperty().get()));
        ui.robot.push(KeyCode.CONTROL, KeyCode.M);
        await().atMost(WAIT).until(() -> onFx(() -> !ui.app.room().selfMutedProperty().get()));

        List<String> visited = new ArrayList<>();
        while (!"chat-input".equals(focusedId())) {
            assertTrue(visited.size() < MAX_TABS, "Tab never reached the chat input; focus went " + visited);
            ui.robot.type(KeyCode.TAB);
            visited.add(onFx(KeyboardOnlyPathTest::focusedNode));
        }
        typeKeys("hello by keys");
        ui.robot.type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> bob.chatTexts().contains("hello by keys"));

        ui.robot.push(KeyCode.CONTROL, KeyCode.L);
        await().atMost(WAIT).until(() -> ui.exists("#lobby") && onFx(() -> !ui.app.room().activeProperty().get()));
        await().atMost(WAIT).until(() -> bob.engine.room().peers().isEmpty());
    }

    /**
     * Types with key presses, as a keyboard does: they go to the focused window (TestFX's write()
     * would put the characters into a window of its choosing, the main one even while a dialog is open).
     */
    private void typeKeys(String words) {
        for (char c : words.toCharArray()) {
            if (c == ' ') {
                ui.robot.type(KeyCode.SPACE);
            } else if (Character.isUpperCase(c)) {
                ui.robot.push(KeyCode.SHIFT, KeyCode.getKeyCode(String.valueOf(c)));
            } else {
                ui.robot.type(KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c))));
            }
        }
    }

    /** Waits until the node with this id has the keyboard; says where the focus is otherwise. */
    private void awaitFocusOn(String id) {
        try {
            await().atMost(WAIT).until(() -> id.equals(focusedId()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the keyboard is not on #" + id + " but on " + onFx(KeyboardOnlyPathTest::windows), e);
        }
    }

    private static String windows() {
        return Window.getWindows().stream().map(w -> w.getClass().getSimpleName() + (w.isFocused() ? " (focused)" : "")
                + ": " + (w.getScene() == null || w.getScene().getFocusOwner() == null ? "nothing"
                        : AccessibleNames.describe(w.getScene().getFocusOwner()))).toList().toString();
    }

    private String focusedId() {
        return onFx(() -> {
            Node owner = focusOwner();
            return owner == null ? null : owner.getId();
        });
    }

    private static String focusedNode() {
        Node owner = focusOwner();
        return owner == null ? "nothing" : AccessibleNames.describe(owner);
    }

    /**
     * The focused node of the newest focused window (a dialog's while it is open: Monocle keeps
     * the main window focused under it too, and sends the keys to the newest).
     */
    private static Node focusOwner() {
        List<Window> focused = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.isFocused() && w.getScene() != null).toList();
        return focused.isEmpty() ? null : focused.get(focused.size() - 1).getScene().getFocusOwner();
    }
}
