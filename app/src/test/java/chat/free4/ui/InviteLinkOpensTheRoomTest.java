package chat.free4.ui;

import chat.free4.engine.RecordingRelayProxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.engine.TestRelay;
import chat.free4.invite.InviteLink;
import chat.free4.invite.InviteLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invite links, as the desktop's URI handler opens them: the real app started by a link lands in
 * its room; with the app already running, a second launch ({@code free4chat LINK}, a JVM of its
 * own) hands the link over and ends, and the running app joins. The fragment secret never reaches
 * the relay: every frame the app sends passes a recording proxy and none holds it.
 */
class InviteLinkOpensTheRoomTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "fragment-secret-Zq81";

    @TempDir
    Path configDir;
    private TestRelay relay;
    private RecordingRelayProxy proxy;
    private DesktopAppHarness ui;
    private HeadlessPeer bea;

    @BeforeEach
    void start() throws Exception {
        relay = TestRelay.start("127.0.0.1");
        proxy = RecordingRelayProxy.start(relay.uri());
        TestSettings.writeFirstRunDone(configDir, "Ada");
    }

    @AfterEach
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        if (bea != null) {
            bea.close();
        }
        proxy.close();
        relay.close();
    }

    @Test
    void anAppStartedByALinkLandsInTheRoomAndTheSecretStaysHere() throws Exception {
        beaOpensThePasswordRoom();
        String link = InviteLink.relay(proxy.uri(), "kitchen").withSecret(SECRET).format();
        ui = startApp(AppOptions.parse(List.of(link, "--config-dir", configDir.toString())));

        awaitInTheRoomWithBea();
        assertTrue(ui.exists("#copy-invite"), "the room offers its invite link");
        ui.click("#copy-invite");
        String copied = DesktopAppHarness.onFx(() -> Clipboard.getSystemClipboard().getString());
        // The copied link of a password room carries the password after '#' again.
        assertEquals(InviteLink.relay(proxy.uri(), "kitchen").withSecret(SECRET), InviteLinks.parse(copied), copied);
        assertEquals("Invite link copied", ui.text("#copy-invite"));

        assertTheRelayNeverSawTheSecret();
    }

    @Test
    void aSecondLaunchHandsTheLinkToTheRunningApp() throws Exception {
        beaOpensThePasswordRoom();
        ui = startApp(new AppOptions(Optional.of(proxy.uri().toString()), Optional.of(configDir)));
        await().atMost(WAIT).until(() -> ui.exists("#lobby"));
        String link = InviteLink.relay(proxy.uri(), "kitchen").withSecret(SECRET).format();

        Launch second = launch(link);
        assertEquals(0, second.exit, second.toString());
        assertEquals("Joining \"kitchen\" in the free4chat that is already open.", second.out.strip());
        awaitInTheRoomWithBea();

        // Again while in the room: said, both to the launch and in the window; nothing else joined.
        Launch third = launch(link);
        assertEquals(0, third.exit, third.toString());
        assertEquals("You are already in \"kitchen\".", third.out.strip());
        assertEquals("You are already in \"kitchen\".", DesktopAppHarness.onFx(() -> ui.app.room().errorProperty().get()));

        // A hostile link handed over on the channel gets the same sentence as anywhere, and joins nothing.
        Optional<String> hostile = RunningApp.handOver(configDir,
                "free4chat://join?relay=http%3A%2F%2Fevil.example%2F&room=elsewhere");
        assertTrue(hostile.orElseThrow().contains("ws:// or wss://"), hostile.orElseThrow());
        Optional<String> garbage = RunningApp.handOver(configDir, "x".repeat(100_000));
        assertTrue(garbage.orElseThrow().contains("too long"), garbage.orElseThrow());
        assertEquals("kitchen", DesktopAppHarness.onFx(() -> ui.app.room().roomNameProperty().get()));
        assertEquals(1, DesktopAppHarness.onFx(() -> ui.app.room().participants().size()));

        // A hostile link on the command line (or from the desktop's handler, which has no terminal):
        // a sentence on stderr, exit code 2, and the running app shows it too; still one room.
        Launch bad = launch("free4chat://lan?room=%2E%2E%2F%0A");
        assertEquals(2, bad.exit, bad.toString());
        assertTrue(bad.err.contains("This invite link"), bad.toString());
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.room().errorProperty().get())
                .equals(bad.err.lines().findFirst().orElseThrow()));
        assertEquals("kitchen", DesktopAppHarness.onFx(() -> ui.app.room().roomNameProperty().get()));

        assertTheRelayNeverSawTheSecret();
    }

    @Test
    void anAppStartedByAHostileLinkJoinsNothingAndSaysWhy() throws Exception {
        // What the desktop's link handler runs: no terminal, so the sentence must show in the window.
        ui = DesktopAppHarness.startWithArguments("free4chat://join?relay=http%3A%2F%2Fevil.example%2F&room=kitchen",
                "--config-dir", configDir.toString());
        await().atMost(WAIT).until(() -> ui.exists("#lobby")
                && DesktopAppHarness.onFx(() -> ui.app.lobby().errorProperty().get()).contains("ws:// or wss://"));
        assertFalse(DesktopAppHarness.onFx(() -> ui.app.room().activeProperty().get()), "no room was joined");
        assertTrue(proxy.framesToTheRelay().isEmpty(), "nothing went to any relay: " + proxy.framesToTheRelay());
    }

    /**
     * The link's secret is the room's password: Bea opens "kitchen" with it, through the proxy like
     * the app (the key is salted with the relay's address as each side names it).
     */
    private void beaOpensThePasswordRoom() {
        bea = HeadlessPeer.joinWithPassword(proxy.uri(), "kitchen", "Bea", SECRET);
    }

    private DesktopAppHarness startApp(AppOptions options) throws Exception {
        return DesktopAppHarness.start(options, () -> new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()));
    }

    private void awaitInTheRoomWithBea() {
        await().atMost(WAIT).until(() -> ui.exists("#room") && ui.text("#room-status").startsWith("In the room")
                && ui.text("#room-name").equals("kitchen"));
        await().atMost(WAIT).until(() -> DesktopAppHarness.onFx(() -> ui.app.room().participants().stream()
                .anyMatch(p -> p.displayNameProperty().get().equals("Bea"))));
    }

    private void assertTheRelayNeverSawTheSecret() {
        List<String> frames = proxy.framesToTheRelay();
        List<String> joins = frames.stream().filter(f -> f.contains("\"type\":\"join\"")).toList();
        assertFalse(joins.isEmpty(), "the app joined through the proxy: " + frames);
        assertTrue(joins.stream().allMatch(f -> f.contains("\"room\":\"kitchen\"")), joins.toString());
        for (String frame : frames) {
            assertFalse(frame.contains(SECRET) || frame.contains("Zq81"), "a frame to the relay holds the secret: " + frame);
        }
    }

    /** {@code free4chat LINK --config-dir DIR} in a JVM of its own, as the desktop's link handler starts it. */
    private Launch launch(String link) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "chat.free4.Main", link, "--config-dir", configDir.toString()));
        Process process = new ProcessBuilder(command).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the second launch did not end (it started a second app?)");
            }
            return new Launch(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private record Launch(int exit, String out, String err) {
    }
}
