package chat.free4.screen;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.Main;
import chat.free4.engine.TestRelay;
import chat.free4.testlan.ChildPeer;
import chat.free4.testscreen.PatternWindow;
import chat.free4.testscreen.TestPattern;
import chat.free4.testscreen.XvfbDisplay;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screen sharing between real {@code free4chat join} processes through a real relay: the sharer's
 * screen is an Xvfb display this test covers with a known pattern of coloured blocks, and the
 * viewers' saved PNG pictures must show it (block centres within a tolerance for compression),
 * follow it when it changes, and end when sharing stops.
 */
class ScreenShareOnTheCommandLineTest {
    private static final Duration CONNECT = Duration.ofSeconds(40);
    /** From the sharer's first picture on the viewer to a picture that matches. */
    private static final Duration PICTURE = Duration.ofSeconds(20);
    /** Per channel, out of 255: flat blocks come through far closer than this. */
    private static final int TOLERANCE = 40;

    @TempDir
    Path dir;

    @Test
    void aViewerSeesTheSharedScreenFollowsItAndLosesItWhenSharingStops() throws Exception {
        Path video = Files.createDirectories(dir.resolve("video"));
        try (XvfbDisplay display = XvfbDisplay.start(dir, 1024, 768);
             ChildPeer pattern = showPattern(display, 0);
             TestRelay relay = TestRelay.start("127.0.0.1");
             ChildPeer bob = join("bob", relay, "one", Map.of(), "--save-video", video.toString());
             ChildPeer ada = join("ada", relay, "one", Map.of("DISPLAY", display.name()), "--share-screen",
                     "--share-seconds", "15")) {
            ada.awaitLine("bob: connected", CONNECT);
            Matcher shares = bob.awaitLine("ada shares a screen \\((\\d+)x(\\d+)\\), saved as (.+)-NNNN\\.png$", CONNECT);
            assertEquals("1024x768", shares.group(1) + "x" + shares.group(2), "2 peers: sent at full size");
            String prefix = shares.group(3);
            ada.awaitLine("sharing my screen with 1 person$", CONNECT);

            awaitPicture(prefix, 0);
            pattern.send("1");
            pattern.awaitLine("^SHOWING 1$", PICTURE);
            awaitPicture(prefix, 1);

            int before = bob.mark();
            ada.awaitLine("not sharing my screen$", Duration.ofSeconds(40));
            bob.awaitLine("ada stopped sharing a screen$", Duration.ofSeconds(10), before);
            Path last = Path.of(prefix + "-last.png");
            assertTrue(Files.isRegularFile(last), "the last picture is kept: " + bob.lines());
            assertEquals("", TestPattern.mismatch(1, ImageIO.read(last.toFile()), TOLERANCE), "the last picture");
            assertTrue(bob.lines().stream().noneMatch(l -> l.contains("- ada left")), "ada stays in the room: " + bob.lines());
        }
    }

    @Test
    void twoShareAtOnceAndALateJoinerSeesBoth() throws Exception {
        Path adaSees = Files.createDirectories(dir.resolve("ada"));
        Path cySees = Files.createDirectories(dir.resolve("cy"));
        Path bobSees = Files.createDirectories(dir.resolve("bob"));
        try (XvfbDisplay adaScreen = XvfbDisplay.start(dir, 800, 600);
             XvfbDisplay cyScreen = XvfbDisplay.start(dir, 640, 480);
             ChildPeer adaPattern = showPattern(adaScreen, 0);
             ChildPeer cyPattern = showPattern(cyScreen, 1);
             TestRelay relay = TestRelay.start("127.0.0.1");
             ChildPeer ada = join("ada", relay, "two", Map.of("DISPLAY", adaScreen.name()), "--share-screen",
                     "--save-video", adaSees.toString());
             ChildPeer cy = join("cy", relay, "two", Map.of("DISPLAY", cyScreen.name()), "--share-screen",
                     "--save-video", cySees.toString())) {
            awaitPicture(cy.awaitLine("ada shares a screen \\(800x600\\), saved as (.+)-NNNN\\.png$", CONNECT).group(1), 0);
            awaitPicture(ada.awaitLine("cy shares a screen \\(640x480\\), saved as (.+)-NNNN\\.png$", CONNECT).group(1), 1);

            // Bob comes while both share: he gets both pictures, each the right one.
            try (ChildPeer bob = join("bob", relay, "two", Map.of(), "--save-video", bobSees.toString())) {
                String fromAda = bob.awaitLine("ada shares a screen \\(800x600\\), saved as (.+)-NNNN\\.png$", CONNECT).group(1);
                String fromCy = bob.awaitLine("cy shares a screen \\(640x480\\), saved as (.+)-NNNN\\.png$", CONNECT).group(1);
                awaitPicture(fromAda, 0);
                awaitPicture(fromCy, 1);
                ada.awaitLine("sharing my screen with 2 people$", CONNECT);
                cy.awaitLine("sharing my screen with 2 people$", CONNECT);
            }
        }
    }

    /** Waits until one of the pictures saved under {@code prefix} shows pattern {@code n}. */
    private static void awaitPicture(String prefix, int n) {
        AtomicReference<String> lastMismatch = new AtomicReference<>("no picture saved yet");
        try {
            await("a saved picture of pattern " + n).atMost(PICTURE).pollInterval(Duration.ofMillis(200))
                    .until(() -> savedPictures(prefix).stream().anyMatch(p -> {
                        String wrong = TestPattern.mismatch(n, p, TOLERANCE);
                        if (!wrong.isEmpty()) {
                            lastMismatch.set(wrong);
                        }
                        return wrong.isEmpty();
                    }));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No saved picture showed pattern " + n + "; the last one: " + lastMismatch.get(), e);
        }
    }

    private static List<BufferedImage> savedPictures(String prefix) throws IOException {
        Path file = Path.of(prefix);
        String stem = file.getFileName().toString();
        List<BufferedImage> pictures = new ArrayList<>();
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(stem + "-")
                    && f.getFileName().toString().endsWith(".png")).sorted().toList()) {
                BufferedImage image = ImageIO.read(p.toFile());
                if (image != null) {
                    pictures.add(image);
                }
            }
        }
        return pictures;
    }

    private static ChildPeer showPattern(XvfbDisplay display, int n) throws IOException {
        ChildPeer window = ChildPeer.startJava("pattern" + display.name(), PatternWindow.class.getName(),
                List.of(Integer.toString(n)), Map.of("DISPLAY", display.name()));
        try {
            window.awaitLine("^SHOWING " + n + "$", Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            window.close();
            throw e;
        }
        return window;
    }

    private static ChildPeer join(String name, TestRelay relay, String room, Map<String, String> env, String... extra)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("join", "--relay", relay.uri().toString(), "--room", room, "--name", name,
                "--levels-every", "0", "--tone", "440"));
        args.addAll(List.of(extra));
        return ChildPeer.startJava(name, Main.class.getName(), args, env);
    }
}
