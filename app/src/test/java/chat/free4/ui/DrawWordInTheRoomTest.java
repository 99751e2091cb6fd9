package chat.free4.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.board.guess.DrawAndGuessHost;
import chat.free4.engine.HeadlessPeer;
import chat.free4.relay.RelayServer;
import chat.free4.relay.config.RelayConfig;
import chat.free4.robot.EspeakSpeech;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Add a robot" → "Draw and guess" in the real UI on a real relay, with Bob a headless peer: the
 * robot process deals the turns; on Ada's turn her room shows her word (and Bob never gets it),
 * and the banner goes once Bob has guessed it.
 */
class DrawWordInTheRoomTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern ROUND = Pattern.compile("Round (\\d+) of \\d+: (\\S+) draws\\..*");

    @TempDir
    Path configDir;
    private RelayServer relay;
    private DesktopAppHarness ui;
    private HeadlessPeer bob;

    @BeforeEach
    void start() throws Exception {
        if (!EspeakSpeech.installed().available()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("espeak-ng is missing: CI must install espeak-ng");
            }
            Assumptions.abort("espeak-ng is not installed (Debian: espeak-ng); the robot needs it");
        }
        relay = RelayServer.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0));
        TestSettings.writeFirstRunDone(configDir, "Ada");
        ui = DesktopAppHarness.start(new AppOptions(Optional.of(relay.uri().toString()), Optional.of(configDir)),
                () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
    }

    @AfterEach
    void stop() throws Exception {
        if (bob != null) {
            bob.close();
        }
        if (ui != null) {
            ui.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void theDesktopDrawerAloneSeesTheWordDuringTheirTurn() throws Exception {
        ui.robot.clickOn("#create-room");
        ui.robot.clickOn("#create-room-name").write("Den");
        ui.robot.clickOn("#create-room-confirm");
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room"));
        bob = new HeadlessPeer("Bob", PcmSource.silence());
        bob.join(relay.uri(), "Den");
        List<String> bobsWords = new CopyOnWriteArrayList<>();
        bob.session.room().orElseThrow().app().subscribe(DrawAndGuessHost.TOPIC, (from, topic, payload) -> {
            if (payload.length > 0) {
                bobsWords.add(new String(payload, StandardCharsets.UTF_8));
            }
        });
        await().atMost(WAIT).until(() -> ui.app.room().participants().size() == 1
                && bob.session.room().orElseThrow().chat().connectedPeers().size() == 1);

        ui.robot.clickOn("#add-robot");
        ui.robot.clickOn("#add-robot-draw");
        String first = drawerOf(1);
        if (first.equals("Bob")) {
            // Bob's turn: Ada sees no word and guesses Bob's in the chat.
            await().atMost(WAIT).until(() -> bobsWords.size() == 1);
            assertEquals("", DesktopAppHarness.onFx(() -> ui.app.room().drawWordProperty().get()));
            assertFalse(ui.exists("#room-draw-word"));
            ui.robot.clickOn("#chat-input").write(bobsWords.get(0)).type(KeyCode.ENTER);
            await().atMost(WAIT).until(() -> chatLines().stream().anyMatch(l -> l.startsWith("Ada guessed it first: ")));
            assertEquals("Ada", drawerOf(2));
        } else {
            assertEquals("Ada", first);
        }
        await().atMost(WAIT).until(() -> ui.exists("#room-draw-word"));
        String word = DesktopAppHarness.onFx(() -> ui.app.room().drawWordProperty().get());
        assertFalse(word.isEmpty());
        assertFalse(bobsWords.contains(word), "Bob does not get Ada's word: " + bobsWords);
        ui.screenshot(Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "room-draw-word.png"));
        bob.session.room().orElseThrow().chat().send(word);
        await().atMost(WAIT).until(() -> chatLines().stream().anyMatch(l -> l.startsWith("Bob guessed it first: " + word + ".")));
        await().atMost(WAIT).until(() -> !ui.exists("#room-draw-word"));

        ui.robot.clickOn("#remove-robot");
        await().atMost(WAIT).until(() -> ui.app.room().participants().size() == 1);
    }

    /** Waits for "Round N of M: X draws." in Ada's chat and returns X. */
    private String drawerOf(int round) {
        String prefix = "Round " + round + " of ";
        await().atMost(WAIT).until(() -> chatLines().stream().anyMatch(l -> l.startsWith(prefix)));
        String line = chatLines().stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        Matcher m = ROUND.matcher(line);
        assertTrue(m.matches(), line);
        return m.group(2);
    }

    private List<String> chatLines() {
        return DesktopAppHarness.onFx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<chat.free4.chat.ChatMessage> list =
                    ui.robot.lookup("#chat-messages").queryAs(javafx.scene.control.ListView.class);
            return list.getItems().stream().map(chat.free4.chat.ChatMessage::text).toList();
        });
    }
}
