package chat.free4.session;

import chat.free4.files.FileSharingService;
import chat.free4.files.TransferListener;
import chat.free4.files.TransferStatus;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** A room's file sharing: offers out, offers in, and every transfer's state. */
public final class SessionFiles {
    /** How many finished transfers are remembered (and shown). */
    public static final int MAX_FINISHED_KEPT = FileSharingService.MAX_FINISHED_KEPT;

    private final FileSharingService files;
    private final Executor offers;

    /** The session makes these; tests of the transfer views wrap a service of their own. */
    public SessionFiles(FileSharingService files, Executor offers) {
        this.files = files;
        this.offers = offers;
    }

    /** Every change of every transfer, offers that arrive included; on a channel thread, must not block. */
    public void addListener(TransferListener listener) {
        files.addListener(listener);
    }

    public void removeListener(TransferListener listener) {
        files.removeListener(listener);
    }

    public List<TransferStatus> transfers() {
        return files.transfers();
    }

    /**
     * Offers a file to everyone connected, after hashing it off the caller's thread. Fails with
     * an {@link IOException} or {@link IllegalArgumentException} whose message is a sentence
     * (no such file, too large, nobody to send to).
     */
    public CompletableFuture<List<TransferStatus>> offerToRoom(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return files.offerToRoom(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, offers);
    }

    /** Offers a file to one peer; blocks while the file is hashed. */
    public TransferStatus offerTo(PeerId peer, Path file) throws IOException {
        return files.offerTo(peer, file);
    }

    /** Accepts an offer into {@code target}; a sentence in the exception when it cannot be written. */
    public void accept(UUID id, Path target) throws IOException {
        files.accept(id, target);
    }

    public void decline(UUID id) {
        files.decline(id);
    }

    public void cancel(UUID id) {
        files.cancel(id);
    }

    /** Peers whose file channel is open. */
    public List<PeerInfo> connectedPeers() {
        return files.connectedPeers();
    }
}
