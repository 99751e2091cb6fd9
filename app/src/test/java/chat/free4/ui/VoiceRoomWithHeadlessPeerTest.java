package chat.free4.ui;

import chat.free4.ui.widgets.Styling;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.audio.ToneGenerator;
import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.RelayServer;
import chat.free4.ui.room.ParticipantViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real UI in a real room: the app (headless audio sending an 880 Hz tone as its "microphone")
 * creates a room on an in-process relay, a headless engine peer joins. What the UI shows and what
 * the peer hears are both checked.
 */
class VoiceRoomWithHeadlessPeerTest {
    private static final double APP_TONE = 880;
    private static final double PEER_TONE = 440;
    private static final double HEARD = 0.05;
    private static final double SILENT = 0.01;
    private static final Duration WAIT = Duration.ofSeconds(20);

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
                () -> new HeadlessAudio(new ToneGenerator(APP_TONE, 0.5), RemotePcmListener.none()));
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

    /** Not one quiet 100 ms window but a whole half second after it: the silence holds. */
    private void assertStaysSilent() {
        double heard = bob.receivedOverNextHalfSecond(APP_TONE);
        assertTrue(heard < SILENT, "Bob hears the app's tone again: " + heard);
    }

    @Test
    void peerAppearsLightsUpWhenSpeakingAndMuteAndPushToTalkChangeWhatItHears() throws Exception {
        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-name").write("Standup");
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));

        bob = HeadlessPeer.join(relay.uri(), "Standup", "Bob", true, List.of());
        await().atMost(WAIT).until(() -> ui.app.room().participants().size() == 1);
        String bobId = ui.app.room().participants().get(0).id();
        await().atMost(WAIT).until(() -> ui.exists("#participant-" + bobId)
                && ui.text("#participant-" + bobId + " .participant-name").equals("Bob")
                && ui.text("#participant-" + bobId + " .participant-state").equals("Connected"));
        assertTrue(!speakingShown(bobId), "silent peer is not shown speaking");
        // How the call goes, from WebRTC's statistics: both on this machine's address, so "direct".
        await().atMost(WAIT).until(() -> ui.text("#participant-" + bobId + " .participant-route").startsWith("direct · "));
        // The safety words shown for Bob are the words Bob's side sees for the app.
        await().atMost(WAIT).until(() -> !bob.engine.room().peers().isEmpty()
                && !bob.engine.room().peers().get(0).safetyCode().isEmpty()
                && ui.text("#participant-" + bobId + " .participant-safety-code")
                        .equals(bob.engine.room().peers().get(0).safetyCode()));

        // The room's chat sits beside the participants; Bob's message shows up in it.
        await().atMost(WAIT).until(() -> ui.exists("#chat-pane") && bob.chatConnected());
        bob.say("hello from Bob");
        await().atMost(WAIT).until(() -> chatLines().contains("hello from Bob"));

        // Bob talks: the indicator lights from the real received level, and goes out when he stops.
        bob.send(new ToneGenerator(PEER_TONE, 0.5));
        await().atMost(WAIT).until(() -> speakingShown(bobId));
        ui.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "room.png"));
        bob.send(PcmSource.silence());
        await().atMost(WAIT).until(() -> !speakingShown(bobId));

        // Voice activity, not muted: Bob hears the app's tone.
        await().atMost(WAIT).until(() -> bob.received(APP_TONE) > HEARD);

        // Self mute: Bob hears silence; unmute brings the tone back.
        ui.robot.clickOn("#self-mute");
        await().atMost(WAIT).until(() -> bob.received(APP_TONE) < SILENT);
        assertStaysSilent();
        ui.robot.clickOn("#self-mute");
        await().atMost(WAIT).until(() -> bob.received(APP_TONE) > HEARD);

        // Push to talk: silent until the key is held, silent again when it is released.
        ui.robot.clickOn("#mode-ptt");
        await().atMost(WAIT).until(() -> bob.received(APP_TONE) < SILENT);
        assertStaysSilent();
        ui.robot.press(KeyCode.SPACE);
        await().atMost(WAIT).until(() -> bob.received(APP_TONE) > HEARD);
        ui.robot.release(KeyCode.SPACE);
        await().atMost(WAIT).until(() -> bob.received(APP_TONE) < SILENT);
        assertStaysSilent();
        ui.robot.clickOn("#mode-voice");

        // Bob leaves: he disappears from the list.
        bob.leave();
        await().atMost(WAIT).until(() -> !ui.exists("#participant-" + bobId)
                && ui.app.room().participants().isEmpty());
        assertTrue(ui.exists("#participants-empty"));

        ui.robot.clickOn("#leave-room");
        await().atMost(WAIT).until(() -> ui.exists("#lobby"));
    }

    private List<String> chatLines() {
        return DesktopAppHarness.onFx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<chat.free4.chat.ChatMessage> list =
                    ui.robot.lookup("#chat-messages").queryAs(javafx.scene.control.ListView.class);
            return list.getItems().stream().map(chat.free4.chat.ChatMessage::text).toList();
        });
    }

    private boolean speakingShown(String id) {
        return DesktopAppHarness.onFx(() -> {
            Optional<Node> cell = ui.robot.lookup("#participant-" + id).tryQuery();
            Optional<ParticipantViewModel> model = ui.app.room().participant(id);
            return cell.isPresent() && model.isPresent()
                    && cell.get().getPseudoClassStates().contains(Styling.SPEAKING)
                    && ui.robot.lookup("#participant-" + id + " .speaking-label").queryAs(Label.class).isVisible();
        });
    }
}
