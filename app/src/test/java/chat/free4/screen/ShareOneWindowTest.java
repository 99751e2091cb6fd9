package chat.free4.screen;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.Main;
import chat.free4.engine.TestRelay;
import chat.free4.testlan.ChildPeer;
import chat.free4.testscreen.PatternWindow;
import chat.free4.testscreen.TestPattern;
import chat.free4.testscreen.XvfbDisplay;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code free4chat join --share-window TITLE} between real processes through a real relay: the
 * sharer's Xvfb display holds two windows with different patterns; the viewer's saved PNG pictures
 * must be exactly the chosen window (its size, its pattern, its colours up to every edge), follow
 * it when it moves, and end with a sentence when it closes. An unknown title is refused before the
 * join with a sentence and exit code 2.
 */
class ShareOneWindowTest {
    private static final Duration CONNECT = Duration.ofSeconds(40);
    private static final Duration PICTURE = Duration.ofSeconds(20);
    /** Per channel, out of 255, as in ScreenShareOnTheCommandLineTest. */
    private static final int TOLERANCE = 40;
    private static final Rectangle LEFT = new Rectangle(20, 20, 480, 360);
    private static final Rectangle RIGHT = new Rectangle(540, 400, 400, 300);

    @TempDir
    Path dir;

    @Test
    void theViewerSeesOnlyTheChosenWindowFollowsItAndLosesItWhenItCloses() throws Exception {
        Path video = Files.createDirectories(dir.resolve("video"));
        try (XvfbDisplay display = XvfbDisplay.start(dir, 1024, 768);
             ChildPeer right = showWindow(display, 1, "right pattern", RIGHT);
             TestRelay relay = TestRelay.start("127.0.0.1")) {
            ChildPeer left = showWindow(display, 0, "left pattern", LEFT);
            try (left;
                 ChildPeer bob = join("bob", relay, Map.of(), "--save-video", video.toString());
                 ChildPeer ada = join("ada", relay, Map.of("DISPLAY", display.name()), "--share-window", "left")) {
                ada.awaitLine("sharing the window \"left pattern\" \\(480x360 at 20,20\\)$", CONNECT);
                Matcher shares = bob.awaitLine("ada shares a screen \\((\\d+)x(\\d+)\\), saved as (.+)-NNNN\\.png$", CONNECT);
                assertEquals("480x360", shares.group(1) + "x" + shares.group(2), "the window's size, not the screen's");
                String prefix = shares.group(3);
                awaitWindowPicture(prefix, Set.of());

                // The window moves: the share follows it (its old place shows only the empty root).
                Set<String> before = savedPictures(prefix).keySet();
                int mark = left.mark();
                left.send("move 20 400");
                left.awaitLine("^SHOWING 0$", PICTURE, mark);
                awaitWindowPicture(prefix, before);

                // The window closes: the share ends, and the sharer says why.
                int bobMark = bob.mark();
                left.close();
                ada.awaitLine("stopped sharing: The shared window \"left pattern\" was closed\\.$", PICTURE);
                ada.awaitLine("not sharing my screen$", PICTURE);
                bob.awaitLine("ada stopped sharing a screen$", PICTURE, bobMark);
                assertTrue(bob.lines().stream().noneMatch(l -> l.contains("- ada left")), "ada stays in the room: " + bob.lines());
            }
        }
    }

    @Test
    void anUnknownTitleIsRefusedBeforeJoining() throws Exception {
        try (XvfbDisplay display = XvfbDisplay.start(dir, 640, 480);
             ChildPeer window = showWindow(display, 0, "left pattern", new Rectangle(0, 0, 320, 240));
             ChildPeer ada = ChildPeer.startJava("ada", Main.class.getName(), List.of("join", "--relay",
                     "ws://127.0.0.1:9/v1", "--room", "one", "--name", "ada", "--share-window", "no such window"),
                     Map.of("DISPLAY", display.name()))) {
            assertTrue(ada.awaitExit(Duration.ofSeconds(60)), "the command gives up at once");
            assertEquals(2, ada.process().exitValue(), "bad arguments: " + ada.lines());
            ada.awaitLine("^No window on this display has a title containing \"no such window\"\\.$", Duration.ofSeconds(5));
            assertTrue(ada.lines().stream().noneMatch(l -> l.contains("joining room")), "no join was tried: " + ada.lines());
        }
    }

    /** Waits until a picture saved under {@code prefix} (and not in {@code old}) is exactly the left window. */
    private static void awaitWindowPicture(String prefix, Set<String> old) {
        AtomicReference<String> lastMismatch = new AtomicReference<>("no picture saved yet");
        try {
            await("a saved picture of the left window").atMost(PICTURE).pollInterval(Duration.ofMillis(200))
                    .until(() -> savedPictures(prefix).entrySet().stream().filter(e -> !old.contains(e.getKey())).anyMatch(e -> {
                        String wrong = windowMismatch(e.getValue());
                        if (!wrong.isEmpty()) {
                            lastMismatch.set(e.getKey() + ": " + wrong);
                        }
                        return wrong.isEmpty();
                    }));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No new saved picture showed the left window alone; the last one: " + lastMismatch.get(), e);
        }
    }

    /**
     * "" when {@code picture} is the left window and nothing else: its size, pattern 0 at every
     * block's centre, and pattern 0's colours along all four edges (so no root window, no part of
     * the right window and no other part of the screen is in it).
     */
    private static String windowMismatch(BufferedImage picture) {
        if (picture.getWidth() != LEFT.width || picture.getHeight() != LEFT.height) {
            return "size " + picture.getWidth() + "x" + picture.getHeight();
        }
        String wrong = TestPattern.mismatch(0, picture, TOLERANCE);
        if (!wrong.isEmpty()) {
            return wrong;
        }
        assertFalse(TestPattern.mismatch(1, picture, TOLERANCE).isEmpty(), "the two patterns differ");
        return edgeMismatch(picture);
    }

    private static String edgeMismatch(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int bw = w / TestPattern.COLUMNS;
        int bh = h / TestPattern.ROWS;
        List<int[]> points = new ArrayList<>();
        for (int x = 0; x < w; x += 8) {
            points.add(new int[] {x, 2});
            points.add(new int[] {x, h - 3});
        }
        for (int y = 0; y < h; y += 8) {
            points.add(new int[] {2, y});
            points.add(new int[] {w - 3, y});
        }
        StringBuilder wrong = new StringBuilder();
        for (int[] p : points) {
            int x = Math.max(2, Math.min(w - 3, p[0]));
            int y = Math.max(2, Math.min(h - 3, p[1]));
            // Not next to a border between two blocks, where compression blends their colours.
            if (nearInnerBorder(x, bw, TestPattern.COLUMNS) || nearInnerBorder(y, bh, TestPattern.ROWS)) {
                continue;
            }
            int expected = TestPattern.color(0, Math.min(x / bw, TestPattern.COLUMNS - 1), Math.min(y / bh, TestPattern.ROWS - 1));
            int seen = picture.getRGB(x, y) & 0xffffff;
            if (distance(seen, expected) > TOLERANCE) {
                wrong.append(String.format("edge %d,%d is %06x, expected %06x; ", x, y, seen, expected));
            }
        }
        return wrong.toString();
    }

    private static boolean nearInnerBorder(int at, int block, int blocks) {
        for (int k = 1; k < blocks; k++) {
            if (Math.abs(at - k * block) < 6) {
                return true;
            }
        }
        return false;
    }

    private static int distance(int a, int b) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
        }
        return max;
    }

    /** The pictures saved under {@code prefix}, by file name. */
    private static Map<String, BufferedImage> savedPictures(String prefix) throws IOException {
        Path file = Path.of(prefix);
        String stem = file.getFileName().toString();
        Map<String, BufferedImage> pictures = new TreeMap<>();
        List<Path> found;
        try (Stream<Path> files = Files.list(file.getParent())) {
            found = files.filter(f -> f.getFileName().toString().startsWith(stem + "-")
                    && f.getFileName().toString().endsWith(".png")).collect(Collectors.toList());
        }
        for (Path p : found) {
            BufferedImage image = ImageIO.read(p.toFile());
            if (image != null) {
                pictures.put(p.getFileName().toString(), image);
            }
        }
        return pictures;
    }

    private static ChildPeer showWindow(XvfbDisplay display, int n, String title, Rectangle at) throws IOException {
        ChildPeer window = ChildPeer.startJava(title.replace(' ', '-'), PatternWindow.class.getName(),
                List.of(Integer.toString(n), title, Integer.toString(at.x), Integer.toString(at.y), Integer.toString(at.width),
                        Integer.toString(at.height)), Map.of("DISPLAY", display.name()));
        try {
            window.awaitLine("^SHOWING " + n + "$", Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            window.close();
            throw e;
        }
        return window;
    }

    private static ChildPeer join(String name, TestRelay relay, Map<String, String> env, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("join", "--relay", relay.uri().toString(), "--room", "window", "--name", name,
                "--levels-every", "0", "--tone", "440"));
        args.addAll(List.of(extra));
        return ChildPeer.startJava(name, Main.class.getName(), args, env);
    }
}
