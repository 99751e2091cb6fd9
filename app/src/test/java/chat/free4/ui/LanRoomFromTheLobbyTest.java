package chat.free4.ui;

import static org.awaitility.Awaitility.await;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.ui.lobby.RoomEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LAN mode with no server: a peer's room appears in the lobby over mDNS and joining it connects. */
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

    private List<String> lanRooms() {
        return DesktopAppHarness.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<RoomEntry> list = ui.robot.lookup("#lan-rooms").queryAs(ListView.class);
            return list.getItems().stream().map(r -> r.name() + " " + r.membersText()).toList();
        });
    }
}
