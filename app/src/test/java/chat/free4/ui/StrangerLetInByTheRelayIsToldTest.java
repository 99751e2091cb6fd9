package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.engine.TestRelay;
import chat.free4.signaling.relay.AdmitAnyoneRelayProxy;
import chat.free4.ui.room.ConnectionState;
import chat.free4.ui.room.ParticipantViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile relay lets a stranger with a wrong password into the app's password room: the peers'
 * own proof refuses the connection, and the person is told in the room, in words, which stays open.
 */
class StrangerLetInByTheRelayIsToldTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String PASSWORD = "lantern walrus 42";

    @TempDir
    Path configDir;
    private TestRelay relay;
    private AdmitAnyoneRelayProxy hostile;
    private DesktopAppHarness ui;
    private HeadlessPeer eve;

    @BeforeEach
    void start() throws Exception {
        relay = TestRelay.start("127.0.0.1");
        hostile = AdmitAnyoneRelayProxy.start(relay.uri(), "Attic", PASSWORD);
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(hostile.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.lobby().relayAvailable().get()));
    }

    @AfterEach
    void stop() throws Exception {
        if (eve != null) {
            eve.close();
        }
        if (ui != null) {
            ui.close();
        }
        hostile.close();
        relay.close();
    }

    @Test
    void aStrangerTheRelayLetInIsNotConnectedAndThePersonIsToldWhy() throws Exception {
        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-name").write("Attic");
        ui.robot.clickOn("#create-room-password").write(PASSWORD);
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));

        eve = HeadlessPeer.joinWithPassword(hostile.uri(), "Attic", "Eve", "a guess");
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.room().participants().stream()
                .anyMatch(p -> p.displayNameProperty().get().equals("Eve"))));

        // The relay let her in; the connection's proof did not: a notice in the room says so.
        await().atMost(WAIT).until(() -> ui.exists("#room-error") && roomError().contains("could not be verified"));
        assertTrue(roomError().contains("Eve"), roomError());
        assertTrue(roomError().contains("same password"), "with what to do: " + roomError());
        assertTrue(DesktopAppHarness.onFx(() -> ui.app.room().activeProperty().get()), "the room stays open");
        assertTrue(ui.text("#room-status").startsWith("In the room"), ui.text("#room-status"));
        ui.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "password-room-stranger.png"));
        ParticipantViewModel shown = DesktopAppHarness.onFx(() -> ui.app.room().participants().stream()
                .filter(p -> p.displayNameProperty().get().equals("Eve")).findFirst().orElseThrow());
        assertNotEquals(ConnectionState.CONNECTED, DesktopAppHarness.onFx(() -> shown.stateProperty().get()),
                "Eve is not shown connected");
    }

    private String roomError() {
        return DesktopAppHarness.onFx(() -> ui.app.room().errorProperty().get());
    }
}
