package chat.free4.cli;

import chat.free4.files.TransferDirection;
import chat.free4.files.TransferListener;
import chat.free4.files.TransferState;
import chat.free4.files.TransferStatus;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.session.SessionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code join --send-file} and {@code --accept-files}: offers a file to each person once their
 * file channel is open, accepts every offer into a folder, and prints how each transfer ends.
 * Without {@code --accept-files} an offer is only announced (nothing is written).
 */
final class FileConsole implements AutoCloseable, TransferListener {
    private static final long OFFER_CHECK_MS = 200;

    private final SessionFiles files;
    private final ConsoleReporter out;
    private final Path acceptInto;
    private final Set<PeerId> offeredTo = ConcurrentHashMap.newKeySet();
    private final Map<UUID, TransferState> lastState = new ConcurrentHashMap<>();
    // Offers (hashing) and accepts run here: transfer events arrive on a channel thread that must not block.
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cli-files");
        t.setDaemon(true);
        return t;
    });

    private FileConsole(SessionFiles files, ConsoleReporter out, Path acceptInto) {
        this.files = files;
        this.out = out;
        this.acceptInto = acceptInto;
    }

    /** @param send a file to offer, or null; @param acceptInto a folder to accept into, or null */
    static FileConsole start(SessionFiles files, ConsoleReporter out, Path send, Path acceptInto) {
        FileConsole console = new FileConsole(files, out, acceptInto);
        files.addListener(console);
        files.transfers().forEach(console::onTransfer);
        if (send != null) {
            console.work.scheduleWithFixedDelay(() -> console.offerToNewPeers(send), 0, OFFER_CHECK_MS, TimeUnit.MILLISECONDS);
        }
        return console;
    }

    private void offerToNewPeers(Path file) {
        for (PeerInfo peer : files.connectedPeers()) {
            if (!offeredTo.add(peer.id())) {
                continue;
            }
            try {
                files.offerTo(peer.id(), file);
                out.line("offered " + file.getFileName() + " to " + TerminalText.safe(peer.displayName()));
            } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                out.problem("Could not offer " + file.getFileName() + " to " + TerminalText.safe(peer.displayName())
                        + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void onTransfer(TransferStatus s) {
        if (lastState.put(s.id(), s.state()) == s.state()) {
            return; // progress only
        }
        String name = TerminalText.safe(s.fileName());
        String who = TerminalText.safe(s.peer().displayName());
        boolean incoming = s.direction() == TransferDirection.INCOMING;
        switch (s.state()) {
            case OFFERED -> {
                if (!incoming) {
                    return;
                }
                if (acceptInto == null) {
                    out.line(who + " offers " + name + " (" + s.size() + " bytes); use --accept-files DIR to take files");
                } else {
                    work.execute(() -> accept(s));
                }
            }
            case COMPLETED -> out.line(incoming
                    ? "received " + name + " from " + who + " into " + s.savedTo().map(Path::toString).orElse("?")
                    : "sent " + name + " to " + who);
            case DECLINED, CANCELLED, FAILED -> out.line(name + (incoming ? " from " : " to ") + who + ": "
                    + s.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (s.reason().isBlank() ? "" : " (" + TerminalText.safe(s.reason()) + ")"));
            default -> {
            }
        }
    }

    private void accept(TransferStatus offer) {
        try {
            Path target = freeName(acceptInto, offer.fileName());
            files.accept(offer.id(), target);
            out.line("receiving " + TerminalText.safe(offer.fileName()) + " from "
                    + TerminalText.safe(offer.peer().displayName()) + " into " + target);
        } catch (IOException | IllegalStateException e) {
            out.problem("Could not accept " + TerminalText.safe(offer.fileName()) + ": " + e.getMessage());
        }
    }

    /** The offered name (already a plain file name) in the folder; "name (2).ext" and so on when taken. */
    static Path freeName(Path folder, String fileName) {
        Path candidate = folder.resolve(fileName);
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + " (" + n + ")" + ext);
        }
        return candidate;
    }

    @Override
    public void close() {
        files.removeListener(this);
        work.shutdownNow();
    }
}
