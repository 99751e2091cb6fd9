package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.engine.TestRelay;
import chat.free4.invite.InviteLink;
import chat.free4.invite.InviteLinks;
import chat.free4.peer.PeerConnectionStatus;
import chat.free4.signaling.SignalingState;
import chat.free4.ui.lobby.PasswordQuestion;
import chat.free4.ui.room.ConnectionState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password rooms from the lobby, through a real relay with a real headless peer: a room created
 * with a password is entered by a peer who has it, and the header says the room is private; a
 * join without the password, or with a wrong one, asks for it in words, Cancel keeps the lobby,
 * and the right password gets in. Too many wrong ones show the relay's wait.
 */
class PasswordRoomsFromTheLobbyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "lantern walrus 42";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    @TempDir
    Path configDir;
    private TestRelay relay;
    private DesktopAppHarness ui;
    private HeadlessPeer bea;

    @BeforeEach
    void start() throws Exception {
        relay = TestRelay.start("127.0.0.1");
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.lobby().relayAvailable().get()));
    }

    @AfterEach
    void stop() throws Exception {
        if (bea != null) {
            bea.close();
        }
        if (ui != null) {
            ui.close();
        }
        relay.close();
    }

    @Test
    void aRoomCreatedWithAPasswordInTheLobbyIsEnteredByAPeerWhoHasIt() throws Exception {
        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-name").write("Attic");
        ui.robot.clickOn("#create-room-password").write(PASSWORD);
        assertEquals("Room password (optional)", DesktopAppHarness.onFx(
                () -> ui.lookup("#create-room-password", PasswordField.class).getPromptText()));
        assertTrue(DesktopAppHarness.onFx(() -> ui.lookup("#create-room-public", CheckBox.class).isDisabled()
                && !ui.lookup("#create-room-public", CheckBox.class).isSelected()), "a room with a password is never listed");
        ui.screenshotOfWindowWith("#create-room-password", SCREENSHOTS.resolve("create-password-room.png"));
        ui.robot.clickOn("#create-room-confirm");

        awaitInTheRoom("Attic");
        assertTrue(ui.exists("#room-private"), "the header marks the room as private");
        assertEquals("Private · password", ui.text("#room-private"));
        assertTrue(ui.text("#room-private-note").contains("every connection is verified"), ui.text("#room-private-note"));

        bea = HeadlessPeer.joinWithPassword(relay.uri(), "Attic", "Bea", PASSWORD);
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.room().participants().size()) == 1);
        String beaId = DesktopAppHarness.onFx(() -> ui.app.room().participants().get(0).id());
        await().atMost(WAIT).until(() -> ui.text("#participant-" + beaId + " .participant-name").equals("Bea")
                && ui.text("#participant-" + beaId + " .participant-state").equals("Connected"));
        await().atMost(WAIT).until(() -> bea.engine.room().peers().size() == 1
                && bea.engine.room().peers().get(0).status() == PeerConnectionStatus.CONNECTED);
        await().atMost(WAIT).until(() -> ui.text("#room-status").contains("1 of 1 connected"));
        ui.screenshot(SCREENSHOTS.resolve("password-room.png"));

        // The invite link carries the password after '#', as before.
        ui.click("#copy-invite");
        String copied = DesktopAppHarness.onFx(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(InviteLink.relay(relay.uri(), "Attic").withSecret(PASSWORD), InviteLinks.parse(copied));
    }

    @Test
    void joiningWithoutThePasswordAsksForItAWrongOneIsSaidAndTheRightOneGetsIn() throws Exception {
        beaOpensAttic();

        joinByName("Attic", "");
        awaitPrompt("The room \"Attic\" needs a password.");
        ui.screenshotOfWindowWith("#password-prompt", SCREENSHOTS.resolve("password-prompt.png"));
        assertFalse(DesktopAppHarness.onFx(() -> ui.app.room().activeProperty().get()), "not in the room meanwhile");

        // Cancel: back in the lobby as it was, the room's name still typed, nothing said as an error.
        ui.robot.clickOn("#password-prompt-cancel");
        await().atMost(WAIT).until(() -> !ui.exists("#password-prompt") && ui.exists("#lobby"));
        assertEquals("Attic", DesktopAppHarness.onFx(() -> ui.lookup("#join-name", TextField.class).getText()));
        assertEquals("", DesktopAppHarness.onFx(() -> ui.app.lobby().errorProperty().get()));
        assertFalse(DesktopAppHarness.onFx(() -> ui.app.room().activeProperty().get()));

        joinByName("Attic", "");
        awaitPrompt("The room \"Attic\" needs a password.");
        answerPrompt("not the password");
        awaitPrompt("That password is not right. Try again.");
        assertTrue(ui.text("#password-prompt-detail").contains("whoever gave it to you"), ui.text("#password-prompt-detail"));
        assertEquals(0, bea.engine.room().peers().size(), "Bea never saw the refused joins");

        answerPrompt(PASSWORD);
        awaitInTheRoomWithBea();
        assertTrue(ui.exists("#room-private"), "the header marks the room as private");
        assertFalse(ui.exists("#password-prompt"));

        // Typed in the lobby with the room's name, the password gets in without a question.
        ui.robot.clickOn("#leave-room");
        await().atMost(WAIT).until(() -> ui.exists("#lobby") && bea.engine.room().peers().isEmpty());
        joinByName("Attic", PASSWORD);
        awaitInTheRoomWithBea();
        assertEquals(null, DesktopAppHarness.onFx(() -> ui.app.lobby().passwordQuestionProperty().get()));
        ui.robot.clickOn("#leave-room");
        await().atMost(WAIT).until(() -> ui.exists("#lobby"));
        assertEquals("", DesktopAppHarness.onFx(() -> ui.lookup("#join-password", PasswordField.class).getText()),
                "the lobby does not keep the password");
    }

    @Test
    void tooManyWrongPasswordsShowTheRelaysWait() throws Exception {
        beaOpensAttic();

        // Wrong passwords typed again and again: the relay stops checking them and says how long to wait.
        joinByName("Attic", "guess 0");
        awaitPrompt("That password is not right. Try again.");
        for (int guess = 1; !ui.text("#password-prompt-headline").startsWith("The relay takes no passwords"); guess++) {
            assertTrue(guess < 10, "the relay limits wrong passwords: " + ui.text("#password-prompt-headline"));
            PasswordQuestion asked = DesktopAppHarness.onFx(() -> ui.app.lobby().passwordQuestionProperty().get());
            answerPrompt("guess " + guess);
            await().atMost(WAIT).until(() -> {
                PasswordQuestion now = DesktopAppHarness.onFx(() -> ui.app.lobby().passwordQuestionProperty().get());
                return now != null && now != asked && ui.exists("#password-prompt-headline");
            });
        }
        assertEquals("The relay takes no passwords for \"Attic\" for a moment.", ui.text("#password-prompt-headline"));
        assertTrue(ui.text("#password-prompt-detail").matches("Too many wrong passwords; try again in \\d+ seconds\\."),
                ui.text("#password-prompt-detail"));
        ui.screenshotOfWindowWith("#password-prompt", SCREENSHOTS.resolve("password-prompt-wait.png"));
        ui.robot.clickOn("#password-prompt-cancel");
        await().atMost(WAIT).until(() -> !ui.exists("#password-prompt"));
        assertEquals(0, bea.engine.room().peers().size(), "Bea never saw the refused joins");
    }

    private void awaitInTheRoomWithBea() {
        awaitInTheRoom("Attic");
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.room().participants().stream()
                .anyMatch(p -> p.displayNameProperty().get().equals("Bea")
                        && p.stateProperty().get() == ConnectionState.CONNECTED)));
    }

    private void beaOpensAttic() {
        bea = HeadlessPeer.joinWithPassword(relay.uri(), "Attic", "Bea", PASSWORD);
        await().atMost(WAIT).until(() -> bea.engine.room().signaling() == SignalingState.JOINED);
    }

    private void joinByName(String room, String password) {
        ui.robot.clickOn("#join-name").eraseText(20).write(room);
        if (!password.isEmpty()) {
            ui.robot.clickOn("#join-password").write(password);
        }
        ui.robot.clickOn("#join-by-name");
    }

    private void awaitPrompt(String headline) {
        await().atMost(WAIT).until(() -> ui.exists("#password-prompt") && ui.text("#password-prompt-headline").equals(headline));
    }

    private void answerPrompt(String password) {
        ui.robot.clickOn("#password-prompt-field").write(password);
        ui.robot.clickOn("#password-prompt-join");
    }

    private void awaitInTheRoom(String name) {
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-name").equals(name)
                && ui.text("#room-status").startsWith("In the room"));
    }
}
