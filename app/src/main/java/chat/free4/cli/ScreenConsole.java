package chat.free4.cli;

import chat.free4.engine.PeerView;
import chat.free4.peer.PeerId;
import chat.free4.screen.ScreenListener;
import chat.free4.screen.ScreenPicture;
import chat.free4.screen.ScreenShare;
import chat.free4.screen.ScreenUnavailableException;
import chat.free4.screen.SharedWindow;
import chat.free4.screen.SharingState;
import chat.free4.session.RoomSession;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The command line's screen sharing: {@code --share-screen} shares this display's screen, or
 * {@code --share-window} one of its windows (for
 * {@code --share-seconds}, or until leaving), and every screen shared by others is printed when it
 * starts and ends; with {@code --save-video DIR} its pictures are written there as PNG, one a
 * second ({@code screen-PEERID-NNNN.png}) and the last one when it ends ({@code screen-PEERID-last.png}).
 */
final class ScreenConsole implements ScreenListener, AutoCloseable {
    private static final long SAVE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RoomSession session;
    private final ConsoleReporter reporter;
    private final Path saveInto;
    private volatile SharingState lastState;
    private final Map<PeerId, Viewed> viewed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "share-timer");
        t.setDaemon(true);
        return t;
    });

    /** What this side shows of one peer's screen (touched only on that peer's screen thread). */
    private static final class Viewed {
        int[] last = new int[0];
        int width;
        int height;
        long savedAt;
        int saved;
    }

    private ScreenConsole(RoomSession session, ConsoleReporter reporter, Path saveInto) {
        this.session = session;
        this.reporter = reporter;
        this.saveInto = saveInto;
    }

    /** @param window the one window to share instead of the whole screen ({@code --share-window}), or null */
    static ScreenConsole start(RoomSession session, ConsoleReporter reporter, boolean share, SharedWindow window,
            double shareSeconds, Path saveInto) {
        ScreenConsole console = new ScreenConsole(session, reporter, saveInto);
        ScreenShare screen = session.screen();
        screen.addListener(console);
        if (share || window != null) {
            try {
                if (window != null) {
                    screen.start(window);
                    Rectangle at = window.bounds();
                    reporter.line("sharing the window \"" + TerminalText.safe(window.label()) + "\" (" + at.width + "x"
                            + at.height + " at " + at.x + "," + at.y + ")");
                } else {
                    screen.start();
                }
            } catch (ScreenUnavailableException e) {
                reporter.problem((window != null ? "Cannot share the window: " : "Cannot share the screen: ") + e.getMessage());
            }
            if (shareSeconds > 0) {
                console.timer.schedule(screen::stop, Math.round(shareSeconds * 1000), TimeUnit.MILLISECONDS);
            }
        }
        return console;
    }

    @Override
    public void onSharingChanged(SharingState state) {
        SharingState before = lastState;
        lastState = state;
        if (!state.sharing() && (before == null || !before.sharing())) {
            return; // only who could see it changed
        }
        if (state.sharing()) {
            reporter.line("sharing my screen with " + state.viewers() + (state.viewers() == 1 ? " person" : " people")
                    + (state.note().isEmpty() ? "" : ": " + state.note()));
        } else {
            reporter.line("not sharing my screen");
        }
    }

    @Override
    public void onSharingStopped(String sentence) {
        reporter.line("stopped sharing: " + TerminalText.safe(sentence));
    }

    @Override
    public void onPicture(PeerId peer, ScreenPicture picture) {
        Viewed v = viewed.get(peer);
        boolean first = v == null;
        if (first) {
            v = new Viewed();
            viewed.put(peer, v);
        }
        boolean resized = v.width != picture.width() || v.height != picture.height();
        v.width = picture.width();
        v.height = picture.height();
        if (first || resized) {
            reporter.line(TerminalText.safe(name(peer)) + " shares a screen (" + picture.width() + "x" + picture.height() + ")"
                    + (saveInto == null ? "" : ", saved as " + saveInto.resolve("screen-" + peer.value() + "-NNNN.png")));
        }
        if (saveInto == null) {
            return;
        }
        int pixels = picture.width() * picture.height();
        if (v.last.length != pixels) {
            v.last = new int[pixels];
        }
        copy(picture, v.last);
        long now = System.nanoTime();
        if (first || now - v.savedAt >= SAVE_EVERY_NANOS) {
            v.savedAt = now;
            v.saved++;
            save(peer, v, String.format(java.util.Locale.ROOT, "%04d", v.saved));
        }
    }

    @Override
    public void onPictureEnded(PeerId peer) {
        Viewed v = viewed.remove(peer);
        if (v == null) {
            return;
        }
        if (saveInto != null) {
            save(peer, v, "last");
        }
        reporter.line(TerminalText.safe(name(peer)) + " stopped sharing a screen");
    }

    private static void copy(ScreenPicture picture, int[] into) {
        byte[] bgra = picture.bgra();
        for (int i = 0, b = 0; i < into.length; i++, b += 4) {
            into[i] = (bgra[b + 2] & 0xff) << 16 | (bgra[b + 1] & 0xff) << 8 | (bgra[b] & 0xff);
        }
    }

    private void save(PeerId peer, Viewed v, String which) {
        BufferedImage image = new BufferedImage(v.width, v.height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, v.width, v.height, v.last, 0, v.width);
        Path file = saveInto.resolve("screen-" + peer.value() + "-" + which + ".png");
        Path partial = saveInto.resolve("screen-" + peer.value() + "-" + which + ".png.part");
        try {
            ImageIO.write(image, "png", partial.toFile());
            // Whole files only: a script never reads a half-written picture.
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            reporter.line("saved " + file);
        } catch (IOException e) {
            reporter.problem("Cannot write the picture to " + file + ".");
        }
    }

    private String name(PeerId peer) {
        return session.snapshot().peers().stream().filter(p -> p.id().equals(peer)).map(PeerView::name).findFirst()
                .orElse("someone");
    }

    @Override
    public void close() {
        timer.shutdownNow();
        session.screen().removeListener(this);
    }
}
