package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.signaling.SignalingState;
import chat.free4.ui.lobby.RoomEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LAN mode with no server: a peer's room appears in the lobby over mDNS and joining it connects; a
 * password room is not listed, and creating it by name with the password in the lobby gets in.
 */
class LanRoomFromTheLobbyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path configDir;
    private DesktopAppHarness ui;
    private HeadlessPeer lee;

    @AfterEach
    void stop() throws Exception {
        if (lee != null) {
            lee.close();
        }
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void roomOnThisNetworkIsListedAndJoinable() throws Exception {
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.empty(), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
        lee = HeadlessPeer.joinLan("Garage", "Lee");

        await().atMost(WAIT).until(() -> lanRooms().equals(List.of("Garage 1 person")) && ui.exists("#join-Garage"));
        ui.robot.clickOn("#join-Garage");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.app.room().participants().size() == 1);
        String leeId = DesktopAppHarness.onFx(() -> ui.app.room().participants().get(0).id());
        await().atMost(WAIT).until(() -> ui.text("#participant-" + leeId + " .participant-name").equals("Lee")
                && ui.text("#participant-" + leeId + " .participant-state").equals("Connected"));
    }

    @Test
    void aPasswordRoomOnThisNetworkIsNotListedAndIsEnteredWithItsPassword() throws Exception {
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.empty(), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
        lee = HeadlessPeer.joinLanWithPassword("Cellar", "Lee", "moss kettle 19");
        await().atMost(WAIT).until(() -> lee.engine.room().signaling() == SignalingState.JOINED);

        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-lan");
        ui.robot.clickOn("#create-room-name").write("Cellar");
        ui.robot.clickOn("#create-room-password").write("moss kettle 19");
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.app.room().participants().size() == 1);
        String leeId = DesktopAppHarness.onFx(() -> ui.app.room().participants().get(0).id());
        await().atMost(WAIT).until(() -> ui.text("#participant-" + leeId + " .participant-name").equals("Lee")
                && ui.text("#participant-" + leeId + " .participant-state").equals("Connected"));
        assertTrue(ui.exists("#room-private"), "the header marks the room as private");
        assertEquals("This network", DesktopAppHarness.onFx(() -> ui.app.room().roomKindProperty().get()));
        // Announced by a blinded id only: the lobby does not list it.
        assertEquals(List.of(), DesktopAppHarness.onFx(
                () -> ui.app.lobby().lanRooms().stream().map(RoomEntry::name).toList()));
    }

    private List<String> lanRooms() {
        return DesktopAppHarness.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<RoomEntry> list = ui.robot.lookup("#lan-rooms").queryAs(ListView.class);
            return list.getItems().stream().map(r -> r.name() + " " + r.membersText()).toList();
        });
    }
}
