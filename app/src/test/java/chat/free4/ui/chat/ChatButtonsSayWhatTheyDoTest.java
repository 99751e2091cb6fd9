package chat.free4.ui.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.files.FileSharingService;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.session.SessionChat;
import chat.free4.session.SessionFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The chat toggle and the transcript button carry words, not just an icon, and tell a screen reader
 * what they do and how many messages wait (issue 19: "the blue chat toggle and the transcript button
 * say what they do").
 */
class ChatButtonsSayWhatTheyDoTest {
    private static final PeerInfo BOB = new PeerInfo(new PeerId("bob-peer-1"), "Bob");
    private final FxRobot robot = new FxRobot();
    private ChatService chat;
    private ChatModel model;
    private ChatToggle toggle;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        chat = new ChatService(new PeerInfo(new PeerId("ada-peer-1"), "Ada"));
        ChatPaneActions none = new ChatPaneActions() {
            @Override
            public void openLink(String url) {
            }

            @Override
            public Optional<Path> chooseSaveTarget(String suggestedName) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFileToShare() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseTranscriptTarget() {
                return Optional.empty();
            }
        };
        FxToolkit.setupStage(s -> {
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            model = new ChatModel(new SessionChat(chat), Platform::runLater);
            ChatPane pane = new ChatPane(model, new TransfersModel(
                    new SessionFiles(new FileSharingService(), Runnable::run), Platform::runLater), none);
            toggle = new ChatToggle(model);
            s.setScene(new Scene(new BorderPane(pane, toggle, null, null, null), 420, 640));
            s.show();
        });
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupStage(Stage::hide);
    }

    @Test
    void theTranscriptButtonSaysItSavesTheChat() throws Exception {
        Button save = robot.lookup("#save-transcript").queryButton();
        assertEquals("Save chat", fx(save::getText));
        assertEquals("Save the chat as a text file", fx(save::getAccessibleText));
    }

    @Test
    void theChatToggleSaysChatAndHowManyMessagesWait() throws Exception {
        assertEquals("Chat", fx(toggle::getText));
        assertEquals("Chat, shown", fx(toggle::getAccessibleText));

        fx(() -> {
            toggle.setSelected(false);
            return null;
        });
        chat.log().add(new ChatMessage("m-bob-0001", BOB.id(), "Bob", 1, System.currentTimeMillis(),
                ChatMessage.Kind.TEXT, "are you there?"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "Chat, 1 unread, hidden".equals(fx(toggle::getAccessibleText)));

        fx(() -> {
            toggle.setSelected(true);
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> "Chat, shown".equals(fx(toggle::getAccessibleText)));
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
