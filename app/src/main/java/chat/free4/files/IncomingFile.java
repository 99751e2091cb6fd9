package chat.free4.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Receives one file: bytes go to a hidden temporary file beside the chosen target while a
 * SHA-256 runs over them; only a complete, verified file is moved to the target. Any other end
 * ({@link #discard()}) deletes the temporary file, so no partial file is left behind; if the
 * process dies first, the {@link PartialFileJournal} entry lets the next start delete it.
 */
final class IncomingFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final long expectedSize;
    private final String expectedSha256;
    private final MessageDigest digest = Sha256.newDigest();
    private final FileChannel out;
    private final PartialFileJournal.Entry journalEntry;
    private long written;

    IncomingFile(Path target, long expectedSize, String expectedSha256, PartialFileJournal journal) throws IOException {
        this.target = target.toAbsolutePath();
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
        Path dir = this.target.getParent();
        this.temp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".part");
        this.journalEntry = journal.record(temp);
        try {
            this.out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            journalEntry.forget();
            throw e;
        }
    }

    long written() {
        return written;
    }

    Path temp() {
        return temp;
    }

    /** @throws IOException if the disk refuses, or more arrives than was offered */
    void write(byte[] data, int offset, int length) throws IOException {
        if (written + length > expectedSize) {
            throw new IOException("received more data than the " + expectedSize + " bytes offered");
        }
        ByteBuffer buffer = ByteBuffer.wrap(data, offset, length);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        digest.update(data, offset, length);
        written += length;
    }

    /**
     * Checks size and hash and moves the file into place.
     *
     * @throws IOException with the reason if the file is incomplete, corrupt or cannot be moved;
     *     the temporary file is gone either way
     */
    Path complete() throws IOException {
        try {
            out.force(true);
            out.close();
            if (written != expectedSize) {
                throw new IOException("only " + written + " of " + expectedSize + " bytes arrived");
            }
            String actual = Sha256.hex(digest);
            if (!actual.equals(expectedSha256)) {
                throw new IOException("the file arrived damaged (SHA-256 does not match)");
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
            journalEntry.forget();
        }
    }

    /** Ends without a file: closes and deletes the temporary file. Safe to call twice. */
    void discard() {
        close();
        try {
            Files.deleteIfExists(temp);
            journalEntry.forget();
        } catch (IOException e) {
            // Nothing else to do; the name starts with '.' and ends in .part, so it is recognisable.
            org.slf4j.LoggerFactory.getLogger(IncomingFile.class).warn("Could not delete {}", temp, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // Closing a file we only wrote to; the discard or complete path reports real errors.
        }
    }
}
