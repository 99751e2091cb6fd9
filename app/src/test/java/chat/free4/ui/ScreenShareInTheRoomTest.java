package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.Main;
import chat.free4.audio.Goertzel;
import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.RemotePcmListener;
import chat.free4.audio.ToneGenerator;
import chat.free4.peer.PeerId;
import chat.free4.relay.RelayServer;
import chat.free4.relay.config.RelayConfig;
import chat.free4.testlan.ChildPeer;
import chat.free4.testscreen.PatternWindow;
import chat.free4.testscreen.TestPattern;
import chat.free4.testscreen.XvfbDisplay;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app shows a screen shared in its room: a {@code free4chat join --share-screen} peer
 * on an Xvfb display covered with the test's pattern joins the app's room on a real relay; the
 * room gets a tile whose rendered picture (a snapshot of the node, as drawn) shows the pattern's
 * blocks, the peer's 440 Hz tone still arrives as 440 Hz while the share runs, and the tile goes
 * when sharing stops.
 */
class ScreenShareInTheRoomTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final int TOLERANCE = 40;
    private static final double PEER_TONE = 440;

    @TempDir
    Path dir;
    private RelayServer relay;
    private DesktopAppHarness ui;
    private final Tone heard = new Tone();

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        TestSettings.writeFirstRunDone(dir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(dir)),
                () -> new HeadlessAudio(new ToneGenerator(880, 0.3), heard));
    }

    @AfterEach
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        relay.close();
    }

    @Test
    void theRoomShowsAPeersSharedScreenWhileItsVoiceGoesOn() throws Exception {
        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-name").write("Screens");
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));

        try (XvfbDisplay display = XvfbDisplay.start(dir, 1024, 768);
             ChildPeer pattern = ChildPeer.startJava("pattern", PatternWindow.class.getName(), List.of("0"),
                     Map.of("DISPLAY", display.name()));
             ChildPeer bea = ChildPeer.startJava("bea", Main.class.getName(), List.of("join", "--relay", relay.uri().toString(),
                     "--room", "Screens", "--name", "Bea", "--levels-every", "0", "--tone", Double.toString(PEER_TONE),
                     "--share-screen", "--share-seconds", "20"), Map.of("DISPLAY", display.name()))) {
            pattern.awaitLine("^SHOWING 0$", WAIT);
            await().atMost(WAIT).until(() -> ui.app.room().participants().size() == 1);
            String beaId = ui.app.room().participants().get(0).id();
            String tile = "#screen-" + beaId;
            await().atMost(WAIT).until(() -> ui.exists(tile));
            assertTrue(ui.text(tile + " .label").contains("Bea's screen"), "the tile says whose screen it is");

            AtomicReference<String> wrong = new AtomicReference<>("");
            await("the tile shows the pattern").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                String mismatch = TestPattern.mismatch(0, rendered(tile), TOLERANCE);
                wrong.set(mismatch);
                return mismatch.isEmpty();
            });
            ui.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "room-with-screen.png"));
            // This test's JVM has no display of its own: the button says why instead of sharing.
            if (System.getenv("DISPLAY") == null) {
                assertTrue(ui.lookup("#share-screen", javafx.scene.control.ToggleButton.class).isDisabled(), "nothing to share here");
                assertTrue(ui.text("#share-note").startsWith("There is no screen here to share"), ui.text("#share-note"));
            }

            // A click enlarges it in its own window, fit to that window.
            ui.robot.clickOn(tile);
            await("the enlarged screen").atMost(WAIT).until(() -> enlarged().isPresent());
            await("the enlarged screen shows the pattern").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() ->
                    TestPattern.mismatch(0, DesktopAppHarness.onFx(() -> SwingFXUtils.fromFXImage(
                            enlargedOnFx().orElseThrow().getScene().getRoot().snapshot(null, null), null)), TOLERANCE).isEmpty());
            DesktopAppHarness.runFx(() -> enlargedOnFx().orElseThrow().close());

            // Sharing does not disturb the voice: Bea's tone is heard as her tone.
            await("Bea's 440 Hz while she shares").atMost(WAIT).until(() -> heard.amplitude(PEER_TONE) > 0.05);
            assertTrue(heard.amplitude(PEER_TONE) > 4 * heard.amplitude(660), "a clean 440 Hz");

            bea.awaitLine("not sharing my screen$", WAIT);
            await("the tile goes when Bea stops").atMost(Duration.ofSeconds(10)).until(() -> !ui.exists(tile));
            assertTrue(ui.app.room().participants().stream().anyMatch(p -> p.id().equals(beaId)), "Bea is still in the room");
        }
    }

    /** The window a tile opened (titled with whose screen it is). */
    private static Optional<javafx.stage.Stage> enlarged() {
        return DesktopAppHarness.onFx(ScreenShareInTheRoomTest::enlargedOnFx);
    }

    private static Optional<javafx.stage.Stage> enlargedOnFx() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage st && "Bea's screen".equals(st.getTitle()) && st.isShowing())
                .map(w -> (javafx.stage.Stage) w).findFirst();
    }

    /** The tile's picture as drawn on screen (a snapshot of its image view). */
    private BufferedImage rendered(String tile) {
        return DesktopAppHarness.onFx(() -> {
            ImageView view = (ImageView) ui.robot.lookup(tile + " .screen-picture").query();
            return SwingFXUtils.fromFXImage(view.snapshot(null, null), null);
        });
    }

    /** The last 100 ms the app played from the room. */
    private static final class Tone implements RemotePcmListener {
        private final short[] recent = new short[4800];
        private int written;

        @Override
        public synchronized void onPcm(PeerId from, short[] samples, int count) {
            for (int i = 0; i < count; i++) {
                recent[written] = samples[i];
                written = (written + 1) % recent.length;
            }
        }

        synchronized double amplitude(double frequency) {
            short[] window = new short[recent.length];
            for (int i = 0; i < recent.length; i++) {
                window[i] = recent[(written + i) % recent.length];
            }
            return Goertzel.amplitude(window, frequency);
        }
    }
}
