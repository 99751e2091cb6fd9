package chat.free4.files;

import chat.free4.peer.PeerInfo;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * A snapshot of one transfer (one file, one peer), as the UI shows it. {@code reason} is a
 * sentence for a person when the transfer was declined, cancelled or failed, else empty.
 */
public record TransferStatus(UUID id, PeerInfo peer, TransferDirection direction, String fileName,
                             long size, String sha256, long bytesDone, TransferState state, String reason,
                             Optional<Path> savedTo) {

    /** 0.0 to 1.0. */
    public double progress() {
        return size == 0 ? (state == TransferState.COMPLETED ? 1.0 : 0.0) : (double) bytesDone / size;
    }
}
