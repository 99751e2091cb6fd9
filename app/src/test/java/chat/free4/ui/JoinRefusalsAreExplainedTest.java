package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.RelayServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused join brings the person back to the lobby with what happened and what to do. */
class JoinRefusalsAreExplainedTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path configDir;
    private RelayServer relay;
    private DesktopAppHarness ui;
    private RelayOccupants occupants;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0).withMaxPeersPerRoom(2));
        occupants = new RelayOccupants(relay.uri(), WAIT);
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
    }

    @AfterEach
    void stop() throws Exception {
        occupants.close();
        if (ui != null) {
            ui.close();
        }
        relay.close();
    }

    @Test
    void nameTakenAndRoomFullAreSaidInWordsWithWhatToDo() throws Exception {
        occupants.occupy("Busy", "Ada", true);
        occupants.occupy("Full", "Bo", true);
        occupants.occupy("Full", "Cy", true);

        joinByName("Busy");
        await().atMost(WAIT).until(() -> lobbyError().contains("Change it in Settings"));
        assertTrue(ui.exists("#lobby") && ui.exists("#lobby-error"), "back in the lobby with the message shown");
        assertFalse(ui.app.room().activeProperty().get());

        joinByName("Full");
        await().atMost(WAIT).until(() -> lobbyError().contains("Try another room"));
        assertTrue(ui.exists("#lobby-error"));
    }

    private void joinByName(String room) {
        DesktopAppHarness.runFx(() -> ui.app.lobby().errorProperty().set(""));
        ui.robot.clickOn("#join-name").eraseText(20).write(room);
        ui.robot.clickOn("#join-by-name");
    }

    private String lobbyError() {
        return DesktopAppHarness.onFx(() -> ui.app.lobby().errorProperty().get());
    }
}
