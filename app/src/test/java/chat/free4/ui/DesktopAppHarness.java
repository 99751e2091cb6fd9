package chat.free4.ui;

import chat.free4.ui.widgets.ScrollIntoView;
import chat.free4.audio.AudioBackend;
import java.awt.image.BufferedImage;
import java.util.function.Supplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Starts the real desktop app headless (Monocle, see the surefire config) with its own settings
 * folder, and stops it again. One instance per app run; a restart is a second instance on the
 * same folder.
 */
final class DesktopAppHarness implements AutoCloseable {
    final FxRobot robot = new FxRobot();
    final DesktopApp app;

    private DesktopAppHarness(DesktopApp app) {
        this.app = app;
    }

    static DesktopAppHarness start(AppOptions options) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        DesktopApp app = (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(options));
        return new DesktopAppHarness(app);
    }

    /** Starts the app with another audio path (headless audio instead of the sound card). */
    static DesktopAppHarness start(AppOptions options, Supplier<AudioBackend> audio) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        DesktopApp app = (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(options, audio));
        return new DesktopAppHarness(app);
    }

    /** Starts an app made by {@code make} (a test's file opener, say). */
    static DesktopAppHarness start(Supplier<DesktopApp> make) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        DesktopApp app = (DesktopApp) FxToolkit.setupApplication(make::get);
        return new DesktopAppHarness(app);
    }

    /** Starts the app as its launcher does, from command-line arguments (an invite link, --config-dir...). */
    static DesktopAppHarness startWithArguments(String... args) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        DesktopApp app = (DesktopApp) FxToolkit.setupApplication(DesktopApp.class, args);
        return new DesktopAppHarness(app);
    }

    /** The text of a label (or other labeled node), read on the FX thread; empty when absent. */
    String text(String query) {
        return onFx(() -> robot.lookup(query).tryQuery()
                .map(n -> n instanceof javafx.scene.control.Labeled l ? l.getText() : "")
                .orElse(""));
    }

    <T extends Node> T lookup(String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    /** Clicks a node after scrolling it into view, as a person would. */
    void click(String query) {
        Node node = robot.lookup(query).query();
        runFx(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane pane) {
                    pane.layout();
                    ScrollIntoView.reveal(pane, node);
                }
            }
        });
        robot.clickOn(query);
    }

    boolean exists(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent());
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("FX work failed: " + e, e);
        }
    }

    static void runFx(Runnable work) {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** Saves the window's current look as a PNG (scene snapshot works under Monocle). */
    void screenshot(Path file) {
        save(onFx(() -> app.stage().getScene().snapshot(null)), file);
    }

    /** Saves the look of the window that shows {@code query} (a dialog's, say) as a PNG. */
    void screenshotOfWindowWith(String query, Path file) {
        save(onFx(() -> robot.lookup(query).query().getScene().snapshot(null)), file);
    }

    private static void save(WritableImage image, Path file) {
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
