package chat.free4.ui.room.board;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.board.BoardCodec;
import chat.free4.board.BoardListener;
import chat.free4.board.BoardOp;
import chat.free4.board.BoardPeer;
import chat.free4.board.BoardRenderer;
import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.robot.Motion;

/**
 * The whiteboard pane headless (Monocle) on a real session, with Bob a real peer through a real
 * relay: what Ada draws with the mouse (pen, colour, width, line, eraser, undo, redo, clear after
 * asking, pan and zoom) is what reaches Bob; Bob's strokes and strokes in progress show on Ada's
 * canvas; Ada's exported PNG has the pixels of Bob's board.
 */
class BoardPaneWithARealPeerTest {
    private final FxRobot robot = new FxRobot();
    private final AtomicBoolean allowClear = new AtomicBoolean();
    private final AtomicReference<Path> exportTo = new AtomicReference<>();

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupStage(Stage::hide);
    }

    @Test
    void drawingWithTheMouseReachesTheOtherPeerAndTheirsShowsHere(@TempDir Path tmp) throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             BoardPeer ada = new BoardPeer("Ada");
             BoardPeer bob = new BoardPeer("Bob")) {
            ada.join(relay.uri(), "ui-board");
            bob.join(relay.uri(), "ui-board");
            await().atMost(Duration.ofSeconds(30)).until(() -> ada.board().connectedPeers().size() == 1
                    && bob.board().connectedPeers().size() == 1);
            List<BoardCodec.Preview> previewsAtBob = new CopyOnWriteArrayList<>();
            bob.board().addListener(new BoardListener() {
                @Override
                public void onBoardChanged() {
                }

                @Override
                public void onPreview(PeerId peer, BoardCodec.Preview preview) {
                    if (preview != null) {
                        previewsAtBob.add(preview);
                    }
                }
            });
            BoardPaneActions actions = new BoardPaneActions() {
                @Override
                public Optional<Path> chooseExportTarget() {
                    return Optional.ofNullable(exportTo.get());
                }

                @Override
                public boolean confirmClear() {
                    return allowClear.get();
                }
            };
            FxToolkit.registerPrimaryStage();
            AtomicReference<BoardPane> pane = new AtomicReference<>();
            FxToolkit.setupStage(s -> {
                pane.set(new BoardPane(ada.room.whiteboard(), actions, Platform::runLater));
                s.setScene(new Scene(pane.get(), 1000, 700));
                s.show();
            });
            Canvas canvas = robot.lookup("#board-canvas").queryAs(Canvas.class);

            // A pen stroke, previewed while it is drawn.
            drag(canvas, 100, 100, 200, 80);
            List<BoardOp.Stroke> atBob = awaitStrokes(bob, 1);
            BoardOp.Stroke first = atBob.get(0);
            assertEquals(0x000000, first.rgb());
            assertEquals(4, first.width());
            assertNear(new int[] {100, 100}, java.util.Arrays.copyOf(first.xy(), 2));
            int[] end = java.util.Arrays.copyOfRange(first.xy(), first.xy().length - 2, first.xy().length);
            assertNear(new int[] {300, 180}, end);
            assertTrue(!previewsAtBob.isEmpty(), "Bob saw the stroke while it was drawn");

            // Red, 16 wide; then a straight line; then the eraser.
            robot.clickOn("#board-colour-e53935");
            robot.clickOn("#board-width").clickOn("16");
            drag(canvas, 100, 300, 100, 0);
            robot.clickOn("#board-line");
            drag(canvas, 100, 400, 300, 50);
            robot.clickOn("#board-eraser");
            drag(canvas, 150, 100, 50, 0);
            atBob = awaitStrokes(bob, 4);
            assertEquals(0xE53935, atBob.get(1).rgb());
            assertEquals(16, atBob.get(1).width());
            assertNear(new int[] {100, 400, 400, 450}, atBob.get(2).xy()); // a line is its two ends
            assertTrue(atBob.get(3).eraser());

            // Undo takes back the eraser stroke, redo draws it again.
            robot.clickOn("#board-undo");
            awaitStrokes(bob, 3);
            robot.clickOn("#board-redo");
            awaitStrokes(bob, 4);

            // Bob draws in blue: it shows on Ada's canvas.
            bob.board().draw(0x1E88E5, 20, false, new int[] {600, 300, 700, 300});
            await().atMost(Duration.ofSeconds(10)).until(() -> Color.rgb(0x1E, 0x88, 0xE5).equals(pixel(canvas, 650, 300)));

            // Scroll to zoom in around the pointer, drag with the right button to pan: the next
            // stroke lands where the pointer is on the board, not on the screen.
            robot.clickOn("#board-pen");
            robot.moveTo(canvas, Pos.TOP_LEFT, new Point2D(0, 0), Motion.DIRECT);
            robot.scroll(3, javafx.geometry.VerticalDirection.UP);
            double zoom = fx(() -> pane.get().zoom());
            assertTrue(zoom > 1.2 || zoom < 0.8, "the board zoomed: " + zoom);
            double before = fx(() -> canvas.localToScene(0, 0).getX());
            Point2D grab = fx(() -> canvas.localToScreen(200, 200));
            robot.moveTo(grab, Motion.DIRECT).press(MouseButton.SECONDARY)
                    .moveTo(new Point2D(grab.getX() - 50, grab.getY()), Motion.DIRECT)
                    .moveTo(new Point2D(grab.getX() - 100, grab.getY()), Motion.DIRECT).release(MouseButton.SECONDARY);
            assertEquals(before - 100, fx(() -> canvas.localToScene(0, 0).getX()), 1.0, "a right-button drag pans");
            assertEquals(6, bob.board().board().visibleStrokes().size() + 1, "panning draws nothing");
            drag(canvas, 300, 300, 0, 0); // the helper aims at board pixels through the pan and zoom
            List<BoardOp.Stroke> afterZoom = awaitStrokes(bob, 6);
            assertNear(new int[] {300, 300}, java.util.Arrays.copyOf(afterZoom.get(5).xy(), 2));

            // Clear asks first: a no keeps the board, a yes clears it for Bob too.
            robot.clickOn("#board-clear");
            assertEquals(6, bob.board().board().visibleStrokes().size());
            allowClear.set(true);
            robot.clickOn("#board-clear");
            awaitStrokes(bob, 0);
            bob.board().draw(0x43A047, 12, false, new int[] {50, 50, 900, 600});
            drag(canvas, 200, 200, 150, 150);
            awaitStrokes(bob, 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> ada.board().board().size() == bob.board().board().size());

            Path png = tmp.resolve("board.png");
            exportTo.set(png);
            robot.clickOn("#board-export");
            await().atMost(Duration.ofSeconds(10)).until(() -> png.toFile().length() > 0);
            assertEquals(BoardRenderer.pixelHash(bob.board().render()), BoardRenderer.pixelHash(ImageIO.read(png.toFile())),
                    "Ada's export has the pixels of Bob's board");
        }
    }

    /** Presses at board pixel (x, y) of the canvas and drags by (dx, dy) in screen pixels. */
    private void drag(Canvas canvas, double x, double y, double dx, double dy) throws Exception {
        Point2D screen = fx(() -> canvas.localToScreen(x, y));
        robot.moveTo(screen, Motion.DIRECT);
        robot.press(MouseButton.PRIMARY);
        Point2D to = fx(() -> canvas.localToScreen(x + dx / scale(canvas), y + dy / scale(canvas)));
        for (int i = 1; i <= 5; i++) {
            robot.moveTo(new Point2D(screen.getX() + (to.getX() - screen.getX()) * i / 5,
                    screen.getY() + (to.getY() - screen.getY()) * i / 5), Motion.DIRECT);
        }
        robot.release(MouseButton.PRIMARY);
    }

    /** Within a pixel: the pointer moves in whole screen pixels, the canvas may sit between two. */
    private static void assertNear(int[] expected, int[] actual) {
        assertEquals(expected.length, actual.length, "points");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1, "coordinate " + i + " of " + java.util.Arrays.toString(actual));
        }
    }

    private static double scale(Canvas canvas) {
        return canvas.localToScene(1, 0).getX() - canvas.localToScene(0, 0).getX();
    }

    private static List<BoardOp.Stroke> awaitStrokes(BoardPeer peer, int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> peer.board().board().visibleStrokes().size() == n);
        return peer.board().board().visibleStrokes();
    }

    private static Color pixel(Canvas canvas, int x, int y) throws Exception {
        return fx(() -> {
            WritableImage shot = canvas.snapshot(null, null);
            return shot.getPixelReader().getColor(x, y);
        });
    }

    private static <T> T fx(Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
