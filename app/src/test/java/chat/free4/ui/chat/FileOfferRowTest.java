package chat.free4.ui.chat;

import chat.free4.session.SessionChat;
import chat.free4.session.SessionFiles;
import javafx.application.Platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.chat.ChatService;
import chat.free4.data.RawChannel;
import chat.free4.data.RtcTestRoom;
import chat.free4.data.RtcTestRoom.Peer;
import chat.free4.files.FileSharingService;
import chat.free4.files.Sha256;
import chat.free4.files.TransferState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A file offered by a real peer shows as a row; "Save…" saves it where the person chose. */
class FileOfferRowTest {
    private final FxRobot robot = new FxRobot();
    private final RtcTestRoom room = new RtcTestRoom();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupStage(Stage::hide);
        room.close();
    }

    @Test
    void incomingOfferIsSavedWhereThePersonChose() throws Exception {
        FileSharingService adaFiles = new FileSharingService();
        FileSharingService bobFiles = new FileSharingService();
        Peer ada = room.addPeer(RtcTestRoom.newPeerInfo("Ada"), adaFiles);
        Peer bob = room.addPeer(RtcTestRoom.newPeerInfo("Bob"), bobFiles);
        room.connect(ada, bob);
        await().atMost(Duration.ofSeconds(20)).until(() -> adaFiles.connectedPeers().size() == 1
                && bobFiles.connectedPeers().size() == 1);
        Path target = tmp.resolve("chosen-by-bob.pdf");
        ChatPaneActions actions = new ChatPaneActions() {
            @Override
            public void openLink(String url) {
            }

            @Override
            public Optional<Path> chooseSaveTarget(String suggestedName) {
                return Optional.of(target);
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
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            ChatPane pane = new ChatPane(new ChatModel(new SessionChat(new ChatService(bob.info)), Platform::runLater), new TransfersModel(new SessionFiles(bobFiles, Runnable::run), Platform::runLater), actions);
            s.setScene(new Scene(pane, 420, 640));
            s.show();
        });

        Path source = tmp.resolve("slides.pdf");
        byte[] content = new byte[2 * 1024 * 1024 + 5];
        new Random(9).nextBytes(content);
        Files.write(source, content);
        var offered = adaFiles.offerTo(bob.info.id(), source);

        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("Save…").tryQuery().isPresent());
        Label title = robot.lookup("#transfers").lookup(".text-bold").queryAs(Label.class);
        assertEquals("From Ada: slides.pdf", title.getText());
        robot.clickOn("Save…");
        await().atMost(Duration.ofSeconds(30)).until(() -> adaFiles.status(offered.id()).orElseThrow().state() == TransferState.COMPLETED);
        assertEquals(Sha256.of(source), Sha256.of(target));
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup(".transfer-detail").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Saved to " + target.toAbsolutePath())));
    }

    /** The name a hostile peer offers is shown and suggested without its bidi override. */
    @Test
    void aDisguisedFileNameIsShownAndSuggestedAsItReallyIs() throws Exception {
        FileSharingService bobFiles = new FileSharingService();
        RawChannel mallory = new RawChannel("files");
        Peer bob = room.addPeer(RtcTestRoom.newPeerInfo("Bob"), bobFiles);
        room.connect(room.addPeer(RtcTestRoom.newPeerInfo("Mallory"), mallory), bob);
        mallory.opened().get(20, java.util.concurrent.TimeUnit.SECONDS);
        java.util.List<String> suggested = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChatPaneActions actions = new ChatPaneActions() {
            @Override
            public void openLink(String url) {
            }

            @Override
            public Optional<Path> chooseSaveTarget(String suggestedName) {
                suggested.add(suggestedName);
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
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            ChatPane pane = new ChatPane(new ChatModel(new SessionChat(new ChatService(bob.info)), Platform::runLater), new TransfersModel(new SessionFiles(bobFiles, Runnable::run), Platform::runLater), actions);
            s.setScene(new Scene(pane, 420, 640));
            s.show();
        });

        com.google.gson.JsonObject offer = new com.google.gson.JsonObject();
        offer.addProperty("type", "offer");
        offer.addProperty("id", java.util.UUID.randomUUID().toString());
        offer.addProperty("name", "invoice\u202Efdp.exe");
        offer.addProperty("size", 4096);
        offer.addProperty("sha256", "ab".repeat(32));
        mallory.sendText(offer.toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("Save…").tryQuery().isPresent());
        Label title = robot.lookup("#transfers").lookup(".text-bold").queryAs(Label.class);
        assertEquals("From Mallory: invoicefdp.exe", title.getText());
        robot.clickOn("Save…");
        await().atMost(Duration.ofSeconds(5)).until(() -> !suggested.isEmpty());
        assertEquals(java.util.List.of("invoicefdp.exe"), suggested);
    }
}
