package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.RemotePcmListener;
import chat.free4.relay.RelayServer;
import chat.free4.relay.config.RelayConfig;
import chat.free4.robot.EspeakSpeech;
import chat.free4.ui.room.ParticipantViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Add a robot" in the real UI on a real relay: Ada creates a room, adds a robot for word practice;
 * it joins as a participant with the robot badge and greets her in the chat; she removes it and it
 * leaves the room.
 */
class AddARobotFromTheRoomTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path configDir;
    private RelayServer relay;
    private DesktopAppHarness ui;

    @BeforeEach
    void start() throws Exception {
        if (!EspeakSpeech.installed().available()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("espeak-ng is missing: CI must install espeak-ng");
            }
            Assumptions.abort("espeak-ng is not installed (Debian: espeak-ng); the robot needs it");
        }
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(chat.free4.audio.PcmSource.silence(), RemotePcmListener.none()));
    }

    @AfterEach
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aRobotAddedFromTheRoomShowsItsBadgeGreetsAndLeavesWhenRemoved() throws Exception {
        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-name").write("Den");
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));

        ui.robot.clickOn("#add-robot");
        ui.robot.clickOn("#add-robot-words");
        await().atMost(WAIT).until(() -> ui.app.room().participants().size() == 1);
        String robotId = ui.app.room().participants().get(0).id();
        await().atMost(WAIT).until(() -> ui.exists("#participant-" + robotId)
                && ui.text("#participant-" + robotId + " .participant-name").equals("Robot")
                && ui.text("#participant-" + robotId + " .participant-robot").equals("Robot · words"));
        await().atMost(WAIT).until(() -> chatLines().stream().anyMatch(l -> l.startsWith("Let's practise words.")));
        ui.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "room-robot.png"));

        ui.robot.clickOn("#remove-robot");
        await().atMost(WAIT).until(() -> ui.app.room().participants().isEmpty());
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.robot.lookup("#add-robot").query().isVisible()));
        assertEquals(List.of(), ui.app.room().participants().stream().map(ParticipantViewModel::id).toList());
    }

    private List<String> chatLines() {
        return DesktopAppHarness.onFx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<chat.free4.chat.ChatMessage> list =
                    ui.robot.lookup("#chat-messages").queryAs(javafx.scene.control.ListView.class);
            return list.getItems().stream().map(chat.free4.chat.ChatMessage::text).toList();
        });
    }
}
