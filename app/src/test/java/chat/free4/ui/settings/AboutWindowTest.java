package chat.free4.ui.settings;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.AppVersion;
import chat.free4.ui.about.AboutView;
import chat.free4.ui.i18n.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Settings' About button opens, by keyboard, a window with the version, the Twemoji credit and NOTICE (Monocle). */
class AboutWindowTest {
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        Texts.use("en");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            s.setScene(new Scene(new StackPane(AboutButton.create()), 400, 200));
            s.show();
        });
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupStage(Stage::hide);
        fx(() -> {
            for (Window w : Window.getWindows().stream().toList()) {
                if (w instanceof Stage stage && w.isShowing()) {
                    stage.close();
                }
            }
            return null;
        });
        Texts.use("");
    }

    @Test
    void aboutShowsVersionTwemojiCreditAndTheNotice() throws Exception {
        fx(() -> {
            robot.lookup("#settings-about").query().requestFocus();
            return null;
        });
        robot.type(KeyCode.SPACE);
        await().atMost(Duration.ofSeconds(10)).until(() -> about().isPresent());
        Node about = about().orElseThrow();

        assertEquals("Version " + AppVersion.get(), ((Label) about.lookup("#about-version")).getText());
        String credit = ((Label) about.lookup("#about-emoji")).getText();
        for (String needed : new String[] {"Twemoji", "Twitter, Inc and other contributors", "CC-BY 4.0",
                "https://creativecommons.org/licenses/by/4.0/", "https://github.com/twitter/twemoji"}) {
            assertTrue(credit.contains(needed), credit);
        }
        String shown = ((TextArea) about.lookup("#about-notice")).getText();
        assertEquals(Files.readString(Path.of("..", "NOTICE")), shown, "the licences shown are the repository's NOTICE");
        assertTrue(shown.contains("CC-BY 4.0") && shown.contains("Apache License 2.0"), shown);
    }

    @Test
    void chineseAboutKeepsTheLicenceNames() throws Exception {
        Texts.use("zh-CN");
        String credit = fx(() -> ((Label) new AboutView().lookup("#about-emoji")).getText());
        assertTrue(credit.contains("表情") && credit.contains("Twemoji") && credit.contains("CC-BY 4.0")
                && credit.contains("https://github.com/twitter/twemoji"), credit);
    }

    private static Optional<Node> about() throws Exception {
        return fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot().lookup("#about"))
                .filter(n -> n != null).findFirst());
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
