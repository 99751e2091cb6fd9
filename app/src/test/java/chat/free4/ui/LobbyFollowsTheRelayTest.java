package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.relay.config.RelayConfig;
import chat.free4.relay.RelayServer;
import chat.free4.ui.lobby.RoomEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lobby against a real relay with real peers in rooms: hottest first, tag filter, search;
 * the relay stops, the lobby says so in words; it comes back, the lobby recovers by itself.
 */
class LobbyFollowsTheRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path configDir;
    private RelayServer relay;
    private DesktopAppHarness ui;
    private HeadlessPeer a1;
    private HeadlessPeer a2;
    private HeadlessPeer b1;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
    }

    @AfterEach
    void stop() throws Exception {
        for (HeadlessPeer p : new HeadlessPeer[] {a1, a2, b1}) {
            if (p != null) {
                p.close();
            }
        }
        if (ui != null) {
            ui.close();
        }
        relay.close();
    }

    @Test
    void listsRoomsHottestFirstFiltersAndSaysWhenTheRelayIsDown() throws Exception {
        assertTrue(ui.exists("#lan-rooms-empty"), "empty LAN list explains itself");
        assertEquals("No rooms on this network yet — create one.", ui.text("#lan-rooms-empty"));
        await().atMost(WAIT).until(() -> ui.exists("#public-rooms-empty"));

        b1 = HeadlessPeer.join(relay.uri(), "Book club", "Bea", true, List.of("books"));
        a1 = HeadlessPeer.join(relay.uri(), "Jam session", "Al", true, List.of("music"));
        a2 = HeadlessPeer.join(relay.uri(), "Jam session", "Ann", true, List.of("music"));

        await().atMost(WAIT).until(() -> shownRooms().equals(List.of("Jam session 2 people", "Book club 1 person")));
        ui.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "lobby.png"));

        // Tag filter asks the relay for that tag only.
        DesktopAppHarness.runFx(() -> ui.lookup("#tag-filter", ComboBox.class).getSelectionModel().select("books"));
        await().atMost(WAIT).until(() -> shownRooms().equals(List.of("Book club 1 person")));
        DesktopAppHarness.runFx(() -> ui.lookup("#tag-filter", ComboBox.class).getSelectionModel().select(""));
        await().atMost(WAIT).until(() -> shownRooms().size() == 2);

        // Search by name.
        ui.robot.clickOn("#lobby-search").write("jam");
        await().atMost(WAIT).until(() -> shownRooms().equals(List.of("Jam session 2 people")));
        DesktopAppHarness.runFx(() -> ui.app.lobby().searchProperty().set(""));

        // The relay goes away: the lobby says so in words.
        int port = relay.port();
        relay.stop();
        await().atMost(WAIT).until(() -> ui.text("#relay-status").contains("cannot be reached")
                && ui.text("#sidebar-relay").equals("Relay: unreachable"));
        assertTrue(ui.text("#relay-status").contains("Check your internet connection"), ui.text("#relay-status"));

        // It comes back on the same address: the lobby recovers without anyone clicking.
        relay = RelayServer.start(relay.config().withPort(port));
        await().atMost(WAIT).until(() -> !ui.exists("#relay-status")
                && ui.text("#sidebar-relay").equals("Relay: online"));
        // The peers' own clients re-join the fresh relay; the list fills again.
        await().atMost(WAIT).until(() -> shownRooms().equals(List.of("Jam session 2 people", "Book club 1 person")));
    }

    private List<String> shownRooms() {
        return DesktopAppHarness.onFx(() -> {
            @SuppressWarnings("unchecked")
            ListView<RoomEntry> list = ui.robot.lookup("#public-rooms").queryAs(ListView.class);
            return list.getItems().stream().map(r -> r.name() + " " + r.membersText()).toList();
        });
    }
}
