package chat.free4.ui.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.files.FileSharingService;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.session.SessionChat;
import chat.free4.session.SessionFiles;
import com.gluonhq.emoji.Emoji;
import com.gluonhq.emoji.EmojiData;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Emoji in the chat and the picker show Twemoji's artwork (Monocle): the pixels the chat draws for
 * a message's emoji are the Twemoji sheet's cell for it, and clearly not Apple's.
 */
class EmojiArtworkTest {
    private static final String SMILE = "\uD83D\uDE04";
    /** Twemoji's face yellow; Apple's faces are a gradient with little of this exact colour. */
    private static final Color TWEMOJI_YELLOW = Color.web("#FFCC4D");
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        ChatService chat = new ChatService(new PeerInfo(new PeerId("ada-peer-1"), "Ada"));
        chat.log().add(new ChatMessage("m-bob-0001", new PeerId("bob-peer-1"), "Bob", 1, System.currentTimeMillis(),
                ChatMessage.Kind.TEXT, "hi " + SMILE));
        ChatPaneActions actions = new ChatPaneActions() {
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
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            ChatModel model = new ChatModel(new SessionChat(chat), Platform::runLater);
            ChatPane pane = new ChatPane(model, new TransfersModel(new SessionFiles(new FileSharingService(), Runnable::run), Platform::runLater), actions);
            s.setScene(new Scene(pane, 420, 640));
            s.show();
        });
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupStage(Stage::hide);
    }

    @Test
    void chatMessageEmojiHasTwemojiPixels() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#chat-messages")
                .lookup("." + EmojiNodes.EMOJI_STYLE).tryQuery().isPresent());
        ImageView shown = robot.lookup("#chat-messages").lookup("." + EmojiNodes.EMOJI_STYLE).queryAs(ImageView.class);
        Emoji smile = EmojiData.emojiFromUnicodeString(SMILE).orElseThrow();
        int x = smile.getSheetX() * 34 + 1;
        int y = smile.getSheetY() * 34 + 1;
        BufferedImage twemoji = cell(EmojiArtworkTest.class.getResourceAsStream(EmojiSheet.RESOURCE), x, y);
        BufferedImage apple = cell(com.gluonhq.emoji.util.EmojiImageUtils.class.getResourceAsStream("sheet_apple_32.png"), x, y);

        // What the chat's view draws, at the sheet's own 32 px so pixels line up one to one.
        WritableImage drawn = fx(() -> {
            ImageView copy = new ImageView(shown.getImage());
            copy.setViewport(shown.getViewport());
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            return copy.snapshot(params, null);
        });
        double toTwemoji = difference(drawn, twemoji);
        double toApple = difference(drawn, apple);
        assertTrue(toTwemoji < 0.02, "the chat's emoji is Twemoji's cell (mean difference " + toTwemoji + ")");
        assertTrue(toApple > 0.05, "and not Apple's (mean difference " + toApple + ")");

        // And as shown in the message, at its own size: mostly Twemoji's flat yellow.
        WritableImage onScreen = fx(() -> {
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            return shown.snapshot(params, null);
        });
        assertTrue(shareOf(onScreen, TWEMOJI_YELLOW) > 0.3, "share of Twemoji yellow " + shareOf(onScreen, TWEMOJI_YELLOW));
    }

    @Test
    void pickerDrawsFromTheTwemojiSheet() throws Exception {
        robot.clickOn("#emoji-button");
        await().atMost(Duration.ofSeconds(10)).until(() -> !robot.lookup("#emoji-picker").lookup(".emoji-choice").queryAll().isEmpty());
        Button first = robot.lookup("#emoji-picker").lookup(".emoji-choice").queryAs(Button.class);
        ImageView graphic = (ImageView) first.getGraphic();
        assertNotNull(graphic);
        assertSame(EmojiSheet.image(), graphic.getImage());
    }

    private static BufferedImage cell(InputStream sheet, int x, int y) throws Exception {
        assertNotNull(sheet, "sheet resource");
        try (sheet) {
            return ImageIO.read(sheet).getSubimage(x, y, EmojiSheet.CELL, EmojiSheet.CELL);
        }
    }

    /** Mean per-channel difference (0..1) of premultiplied colours over the 32 x 32 cell. */
    private static double difference(WritableImage drawn, BufferedImage expected) {
        PixelReader pixels = drawn.getPixelReader();
        double sum = 0;
        for (int y = 0; y < EmojiSheet.CELL; y++) {
            for (int x = 0; x < EmojiSheet.CELL; x++) {
                Color a = pixels.getColor(x, y);
                int argb = expected.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                sum += Math.abs(a.getRed() * a.getOpacity() - ((argb >> 16) & 0xff) / 255.0 * alpha)
                        + Math.abs(a.getGreen() * a.getOpacity() - ((argb >> 8) & 0xff) / 255.0 * alpha)
                        + Math.abs(a.getBlue() * a.getOpacity() - (argb & 0xff) / 255.0 * alpha)
                        + Math.abs(a.getOpacity() - alpha);
            }
        }
        return sum / (4.0 * EmojiSheet.CELL * EmojiSheet.CELL);
    }

    /** Share of the opaque pixels within a small distance of {@code colour}. */
    private static double shareOf(WritableImage image, Color colour) {
        PixelReader pixels = image.getPixelReader();
        int opaque = 0;
        int near = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = pixels.getColor(x, y);
                if (c.getOpacity() > 0.9) {
                    opaque++;
                    if (Math.abs(c.getRed() - colour.getRed()) < 0.06 && Math.abs(c.getGreen() - colour.getGreen()) < 0.06
                            && Math.abs(c.getBlue() - colour.getBlue()) < 0.06) {
                        near++;
                    }
                }
            }
        }
        return opaque == 0 ? 0 : (double) near / opaque;
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
