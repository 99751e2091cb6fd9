package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.board.BoardOp;
import chat.free4.board.BoardPeer;
import chat.free4.relay.RelayServer;
import chat.free4.relay.config.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.robot.Motion;

/**
 * The desktop app's room has a Whiteboard button: it opens the room's board, what Ada draws there
 * reaches Bea (a real peer through a real relay), Bea's strokes show on Ada's canvas, and leaving
 * the room closes the board.
 */
class WhiteboardInTheRoomTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;
    private RelayServer relay;
    private DesktopAppHarness ui;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        TestSettings.writeFirstRunDone(dir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(dir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
    }

    @AfterEach
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        relay.close();
    }

    @Test
    void theRoomsWhiteboardOpensDrawsWithTheOthersAndClosesOnLeaving() throws Exception {
        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-name").write("Board");
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));
        try (BoardPeer bea = new BoardPeer("Bea")) {
            bea.join(relay.uri(), "Board");
            await().atMost(WAIT).until(() -> bea.board().connectedPeers().size() == 1);

            ui.robot.clickOn("#open-board");
            await().atMost(WAIT).until(() -> ui.exists("#board-canvas"));
            Canvas canvas = ui.lookup("#board-canvas", Canvas.class);
            Point2D from = DesktopAppHarness.onFx(() -> canvas.localToScreen(120, 120));
            ui.robot.moveTo(from, Motion.DIRECT).press(MouseButton.PRIMARY);
            for (int i = 1; i <= 4; i++) {
                ui.robot.moveTo(new Point2D(from.getX() + 40 * i, from.getY() + 10 * i), Motion.DIRECT);
            }
            ui.robot.release(MouseButton.PRIMARY);
            await().atMost(WAIT).until(() -> bea.board().board().visibleStrokes().size() == 1);
            BoardOp.Stroke stroke = bea.board().board().visibleStrokes().get(0);
            assertEquals(0x000000, stroke.rgb(), "the pen starts black");
            assertEquals(120, stroke.xy()[0], 1);

            bea.board().draw(0xE53935, 24, false, new int[] {500, 400, 600, 400});
            await().atMost(WAIT).until(() -> Color.rgb(0xE5, 0x39, 0x35).equals(DesktopAppHarness.onFx(() ->
                    canvas.snapshot(null, null).getPixelReader().getColor(550, 400))));

            // The board's window lies over the room's (Monocle puts every window at 0,0): press Leave itself.
            javafx.scene.control.Button leave = ui.lookup("#leave-room", javafx.scene.control.Button.class);
            DesktopAppHarness.runFx(leave::fire);
            await().atMost(WAIT).until(() -> !ui.exists("#board-canvas"));
            await().atMost(WAIT).until(() -> ui.exists("#open-board") == false || ui.lookup("#open-board",
                    javafx.scene.control.Button.class).isDisabled());
        }
    }
}
