package chat.free4.screen;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The windows of this X display ({@code $DISPLAY}), read with {@code xwininfo} (Debian: x11-utils):
 * {@code xwininfo -root -tree} for the candidates, then {@code xwininfo -id} for each one's exact
 * title, whether it is shown, and where it is. Its output is parsed defensively: a line that does
 * not look as expected is skipped, never trusted (decision 0024).
 */
public final class X11Windows {
    /** Windows smaller than this (AWT's 1x1 helpers, 16x16 icon windows) are not offered. */
    static final int MIN_SIZE = 32;
    /** At most this many candidates are looked at in detail (one xwininfo each). */
    static final int MAX_CANDIDATES = 100;
    private static final long TIMEOUT_MS = 3000;
    private static final int MAX_OUTPUT = 4 << 20;
    private static final Pattern ID = Pattern.compile("0x[0-9a-fA-F]{1,8}");
    private static final Pattern TREE_LINE = Pattern.compile(
            "^( *)(0x[0-9a-fA-F]{1,8}) (.*?)\\s+(\\d{1,5})x(\\d{1,5})[+-]-?\\d{1,6}[+-]-?\\d{1,6}\\s+[+-]-?\\d{1,6}[+-]-?\\d{1,6}\\s*$");
    private static final Pattern INFO_NAME = Pattern.compile("^xwininfo: Window id: (0x[0-9a-fA-F]{1,8}) (.*)$");

    private X11Windows() {
    }

    static boolean validId(String id) {
        return ID.matcher(id).matches();
    }

    /**
     * The display's top-level windows that are shown and at least {@link #MIN_SIZE} pixels each
     * way, bottom to top (xwininfo's order).
     *
     * @throws ScreenUnavailableException with a sentence when the windows cannot be listed
     */
    public static List<SharedWindow> list() {
        List<String> candidates = candidates(tryRun("-root", "-tree")
                .orElseThrow(() -> new ScreenUnavailableException("The windows of this display cannot be listed.")));
        List<SharedWindow> windows = new ArrayList<>();
        for (String id : candidates.subList(0, Math.min(candidates.size(), MAX_CANDIDATES))) {
            find(id).filter(w -> w.bounds().width >= MIN_SIZE && w.bounds().height >= MIN_SIZE).ifPresent(windows::add);
        }
        return windows;
    }

    /** The first shown window whose title contains {@code text} (case as written). */
    public static Optional<SharedWindow> titled(String text) {
        return list().stream().filter(w -> w.title().contains(text)).findFirst();
    }

    /**
     * Where window {@code id} is now; empty when it is gone or not shown (closed, minimised).
     *
     * @throws ScreenUnavailableException when xwininfo cannot be run at all
     */
    public static Optional<SharedWindow> find(String id) {
        if (!validId(id)) {
            return Optional.empty();
        }
        return tryRun("-id", id).flatMap(X11Windows::parseInfo);
    }

    /** Whether window {@code id} still exists, shown or not (xwininfo fails for a closed one). */
    public static boolean exists(String id) {
        return validId(id) && tryRun("-id", id).isPresent();
    }

    /**
     * The ids of the outermost named windows of a {@code xwininfo -root -tree} listing (with a
     * window manager these are the clients inside its frames; AWT's own "Content window" children
     * are left out), skipping the tiny ones.
     */
    static List<String> candidates(String tree) {
        List<String> ids = new ArrayList<>();
        List<Integer> takenIndents = new ArrayList<>(); // indents of the named ancestors taken so far
        for (String line : tree.split("\n", -1)) {
            Matcher m = TREE_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            while (!takenIndents.isEmpty() && takenIndents.get(takenIndents.size() - 1) >= indent) {
                takenIndents.remove(takenIndents.size() - 1);
            }
            String rest = m.group(3);
            boolean named = rest.startsWith("\"");
            int width = Integer.parseInt(m.group(4));
            int height = Integer.parseInt(m.group(5));
            if (!named || !takenIndents.isEmpty() || width < MIN_SIZE || height < MIN_SIZE) {
                continue;
            }
            takenIndents.add(indent);
            ids.add(m.group(2));
        }
        return ids;
    }

    /** A window from {@code xwininfo -id}'s answer; empty unless it is viewable with a sane size. */
    static Optional<SharedWindow> parseInfo(String info) {
        String id = null;
        String title = null;
        Integer x = null;
        Integer y = null;
        Integer width = null;
        Integer height = null;
        boolean viewable = false;
        for (String raw : info.split("\n", -1)) {
            String line = raw.strip();
            Matcher name = INFO_NAME.matcher(line);
            if (name.matches() && id == null) {
                id = name.group(1);
                String rest = name.group(2);
                // The title is everything between the first and the last quote: it may hold quotes itself.
                int first = rest.indexOf('"');
                int last = rest.lastIndexOf('"');
                title = first >= 0 && last > first ? rest.substring(first + 1, last) : "";
            } else if (line.startsWith("Absolute upper-left X:")) {
                x = number(line);
            } else if (line.startsWith("Absolute upper-left Y:")) {
                y = number(line);
            } else if (line.startsWith("Width:")) {
                width = number(line);
            } else if (line.startsWith("Height:")) {
                height = number(line);
            } else if (line.startsWith("Map State:")) {
                viewable = line.endsWith("IsViewable");
            }
        }
        if (id == null || x == null || y == null || width == null || height == null || !viewable
                || width <= 0 || height <= 0) {
            return Optional.empty();
        }
        return Optional.of(new SharedWindow(id, title, new Rectangle(x, y, width, height)));
    }

    private static Integer number(String line) {
        String value = line.substring(line.indexOf(':') + 1).strip();
        try {
            int n = Integer.parseInt(value);
            return Math.abs(n) <= 100_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** xwininfo's output, or empty when it failed (no such window, hung); throws when it cannot run. */
    private static Optional<String> tryRun(String... args) {
        List<String> command = new ArrayList<>();
        command.add("xwininfo");
        command.addAll(List.of(args));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("LC_ALL", "C.UTF-8");
            process = builder.start();
        } catch (IOException e) {
            throw new ScreenUnavailableException("Sharing one window needs the program xwininfo (Debian: x11-utils).", e);
        }
        AtomicReference<String> out = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                out.set(read(process.getInputStream()));
            } catch (IOException e) {
                out.set(null);
            }
        }, "xwininfo-output");
        reader.setDaemon(true);
        reader.start();
        try {
            process.getOutputStream().close();
            boolean done = process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly(); // a hung xwininfo: its pipe closes and the reader ends
            }
            reader.join(TIMEOUT_MS);
            String text = out.get();
            return done && process.exitValue() == 0 && text != null ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            process.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** At most {@link #MAX_OUTPUT} bytes; more is drained and dropped. */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() < MAX_OUTPUT) {
                out.write(buffer, 0, Math.min(n, MAX_OUTPUT - out.size()));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
