package chat.free4.ui.chat;

import chat.free4.session.SessionChat;
import chat.free4.session.SessionFiles;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.chat.ChatWireCodec;
import chat.free4.data.FakeFeatureChannel;
import chat.free4.files.FileSharingService;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The chat pane headless (Monocle): messages, emoji drawn as images, links, picker, badge. */
class ChatPaneTest {
    private static final PeerInfo BOB = new PeerInfo(new PeerId("bob-peer-1"), "Bob");
    private final FxRobot robot = new FxRobot();
    private final List<String> openedLinks = new CopyOnWriteArrayList<>();
    private ChatService chat;
    private ChatModel model;
    private ChatToggle toggle;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        chat = new ChatService(new PeerInfo(new PeerId("ada-peer-1"), "Ada"));
        chat.log().add(fromBob("m-bob-0001", 1, "Look \uD83D\uDE04 at https://free4.chat/room, ok?"));
        ChatPaneActions actions = new ChatPaneActions() {
            @Override
            public void openLink(String url) {
                openedLinks.add(url);
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
            // The app's theme, which defines the -color-* variables the pane uses.
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            model = new ChatModel(new SessionChat(chat), Platform::runLater);
            ChatPane pane = new ChatPane(model, new TransfersModel(new SessionFiles(new FileSharingService(), Runnable::run), Platform::runLater), actions);
            toggle = new ChatToggle(model);
            s.setScene(new Scene(new javafx.scene.layout.BorderPane(pane, toggle, null, null, null), 420, 640));
            s.show();
        });
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupStage(Stage::hide);
    }

    private static ChatMessage fromBob(String id, long clock, String text) {
        return new ChatMessage(id, BOB.id(), "Bob", clock, System.currentTimeMillis(), ChatMessage.Kind.TEXT, text);
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

    /** True if the node, drawn on its own, has opaque pixels that are clearly coloured (not a box glyph). */
    private static boolean drawsColour(ImageView view) throws Exception {
        return fx(() -> {
            WritableImage shot = view.snapshot(null, null);
            PixelReader pixels = shot.getPixelReader();
            int coloured = 0;
            for (int y = 0; y < shot.getHeight(); y++) {
                for (int x = 0; x < shot.getWidth(); x++) {
                    Color c = pixels.getColor(x, y);
                    double spread = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()))
                            - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
                    if (c.getOpacity() > 0.5 && spread > 0.3) {
                        coloured++;
                    }
                }
            }
            return coloured > 20;
        });
    }

    private List<ImageView> emojiIn(String listQuery) {
        return List.copyOf(robot.lookup(listQuery).lookup("." + EmojiNodes.EMOJI_STYLE).queryAllAs(ImageView.class));
    }

    @Test
    void showsMessagesWithEmojiAsImagesAndClickableLinks() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> !emojiIn("#chat-messages").isEmpty());
        ImageView smile = emojiIn("#chat-messages").get(0);
        assertEquals("\uD83D\uDE04", smile.getUserData());
        Image image = smile.getImage();
        assertNotNull(image);
        assertFalse(image.isError());
        assertTrue(image.getWidth() > 0);
        assertTrue(drawsColour(smile), "the emoji is drawn as a colour image");

        Hyperlink link = robot.lookup("#chat-messages").lookup(".chat-link").queryAs(Hyperlink.class);
        assertEquals("https://free4.chat/room", link.getText());
        robot.clickOn(link);
        await().atMost(Duration.ofSeconds(5)).until(() -> openedLinks.equals(List.of("https://free4.chat/room")));

        robot.clickOn("#chat-input").write("thumbs :+1:").type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> emojiIn("#chat-messages").stream()
                .anyMatch(v -> "\uD83D\uDC4D".equals(v.getUserData())));
        ImageView thumbs = emojiIn("#chat-messages").stream().filter(v -> "\uD83D\uDC4D".equals(v.getUserData())).findFirst().orElseThrow();
        assertTrue(drawsColour(thumbs));
        assertEquals("", robot.lookup("#chat-input").queryAs(TextField.class).getText());
        assertTrue(chat.log().lines().stream().anyMatch(m -> m.sender().equals(chat.self().id())
                && m.text().equals("thumbs \uD83D\uDC4D")));
    }

    @Test
    void pickerInsertsEmojiAndLongMessagesAreRefusedInWords() throws Exception {
        robot.clickOn("#emoji-button");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#emoji-picker").tryQuery().isPresent()
                && !robot.lookup("#emoji-picker").lookup(".emoji-choice").queryAll().isEmpty());
        Button first = robot.lookup("#emoji-picker").lookup(".emoji-choice").queryAs(Button.class);
        String chosen = (String) first.getUserData();
        assertTrue(drawsColour((ImageView) first.getGraphic()));
        robot.clickOn(first);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertEquals(chosen, robot.lookup("#chat-input").queryAs(TextField.class).getText()));

        fx(() -> {
            robot.lookup("#chat-input").queryAs(TextField.class).setText("x".repeat(4_001));
            return null;
        });
        robot.clickOn("#chat-send");
        Label error = robot.lookup("#chat-error").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(5)).until(error::isVisible);
        assertTrue(error.getText().contains("the limit is 4,000"), error.getText());
    }

    @Test
    void unreadBadgeCountsWhileCollapsedAndSystemLinesShow() throws Exception {
        robot.clickOn(toggle);
        await().atMost(Duration.ofSeconds(5)).until(() -> model.collapsedProperty().get());
        chat.log().add(fromBob("m-bob-0002", 5, "are you there?"));
        chat.log().add(fromBob("m-bob-0003", 6, "hello?"));
        Label badge = robot.lookup("#chat-unread-badge").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> badge.isVisible() && badge.getText().equals("2"));
        robot.clickOn(toggle);
        await().atMost(Duration.ofSeconds(5)).until(() -> !badge.isVisible() && model.unreadProperty().get() == 0);

        chat.log().add(new ChatMessage("sys-00000001", chat.self().id(), "Ada", 7, System.currentTimeMillis(),
                ChatMessage.Kind.SYSTEM, "Cy joined the room"));
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup(".chat-system-text").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Cy joined the room")));
    }

    /**
     * Through the pane's own wiring (service, model, cell factory): a history line that Cy passes
     * on for Bob, who is not in the room, is captioned; Bob's own line already in the pane is not.
     */
    @Test
    void aRelayedLineSaysWhoSharedItAndALineFromItsAuthorDoesNot() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> textOfLines().contains("Look "));
        FakeFeatureChannel cy = FakeFeatureChannel.openTo(chat, new PeerInfo(new PeerId("cy-peer-01"), "Cy"));
        cy.receive(ChatWireCodec.encode(fromBob("m-bob-0009", 3, "I was here before you"), true), false);

        await().atMost(Duration.ofSeconds(10)).until(() -> !robot.lookup("#chat-messages").lookup("#chat-relayed")
                .queryAll().isEmpty());
        List<Label> captions = List.copyOf(robot.lookup("#chat-messages").lookup("#chat-relayed").queryAllAs(Label.class));
        assertEquals(1, captions.size(), "only the relayed line has a caption");
        assertEquals("shared by Cy", captions.get(0).getText());
        MessageView captioned = fx(() -> enclosingView(captions.get(0)));
        assertEquals("I was here before you", fx(() -> textOf(captioned)));
        assertTrue(textOfLines().contains("Look "), "Bob's own line is still shown, without a caption");
    }

    private static MessageView enclosingView(javafx.scene.Node node) {
        javafx.scene.Node n = node;
        while (!(n instanceof MessageView)) {
            n = n.getParent();
        }
        return (MessageView) n;
    }

    private static String textOf(javafx.scene.Node view) {
        return view.lookupAll(".chat-text").stream().map(t -> ((javafx.scene.text.Text) t).getText())
                .collect(java.util.stream.Collectors.joining());
    }

    /** The words of every message shown in the pane's list, one after the other. */
    private String textOfLines() throws Exception {
        return fx(() -> robot.lookup("#chat-messages").lookup(".chat-message").queryAll().stream()
                .map(ChatPaneTest::textOf).collect(java.util.stream.Collectors.joining("|")));
    }
}
