package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/**
 * Whoever opens a relay room first decides whether it is listed. A person who types a room's name
 * (asking for a private room) and lands in one that someone else listed publicly is told so in the
 * room's status line; in a private room, or one chosen from the public list, nothing is said.
 */
class ListedRoomIsSaidTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path configDir;
    private RelayServer relay;
    private DesktopAppHarness ui;
    private RelayOccupants occupants;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
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
    void aTypedRoomThatSomeoneListedPubliclyIsSaidToBeListed() throws Exception {
        occupants.occupy("open", "Bo", true);
        occupants.occupy("quiet", "Cy", false);

        joinByName("quiet");
        await().atMost(WAIT).until(() -> status().startsWith("In the room"));
        assertFalse(status().contains("listed publicly"), "a private room says nothing: " + status());
        ui.click("#leave-room");
        await().atMost(WAIT).until(() -> ui.exists("#lobby"));

        joinByName("open");
        await().atMost(WAIT).until(() -> status().startsWith("In the room") && status().contains(chat.free4.ui.i18n.Texts.get("room.status.listed")));
    }

    private String status() {
        return ui.text("#room-status");
    }

    private void joinByName(String room) {
        ui.robot.clickOn("#join-name").eraseText(20).write(room);
        ui.robot.clickOn("#join-by-name");
    }
}
