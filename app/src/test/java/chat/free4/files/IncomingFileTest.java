package chat.free4.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncomingFileTest {

    private static byte[] content(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Splits like the sender does, sends through the chunk codec, reassembles, verifies. */
    @Test
    void chunkedContentReassemblesAndVerifies(@TempDir Path dir) throws Exception {
        byte[] data = content(3 * ChunkFrame.CHUNK_BYTES + 123);
        Path source = dir.resolve("source.bin");
        Files.write(source, data);
        Path target = dir.resolve("saved.bin");
        UUID id = UUID.randomUUID();
        IncomingFile in = new IncomingFile(target, data.length, Sha256.of(source), PartialFileJournal.none());
        try (OutgoingFile out = new OutgoingFile(source, data.length)) {
            int chunks = 0;
            while (out.hasMore()) {
                byte[] chunk = out.nextChunk();
                ChunkFrame frame = ChunkFrame.decode(new ChunkFrame(id, chunk, 0, chunk.length).encode());
                assertEquals(id, frame.transferId());
                in.write(frame.data(), frame.offset(), frame.length());
                chunks++;
            }
            assertEquals(4, chunks);
        }
        assertEquals(target.toAbsolutePath(), in.complete());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(List.of(source, target).size(), listing(dir).size());
    }

    @Test
    void wrongHashLeavesNoFile(@TempDir Path dir) throws Exception {
        byte[] data = content(1000);
        Path target = dir.resolve("x.bin");
        IncomingFile in = new IncomingFile(target, data.length, "0".repeat(64), PartialFileJournal.none());
        in.write(data, 0, data.length);
        IOException e = assertThrows(IOException.class, in::complete);
        assertTrue(e.getMessage().contains("damaged"));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void discardedOrShortOrOverlongTransfersLeaveNoFile(@TempDir Path dir) throws Exception {
        byte[] data = content(1000);
        IncomingFile cancelled = new IncomingFile(dir.resolve("a.bin"), data.length, "0".repeat(64), PartialFileJournal.none());
        cancelled.write(data, 0, 500);
        assertTrue(Files.exists(cancelled.temp()));
        cancelled.discard();
        cancelled.discard();

        IncomingFile shortOne = new IncomingFile(dir.resolve("b.bin"), data.length, "0".repeat(64), PartialFileJournal.none());
        shortOne.write(data, 0, 10);
        assertThrows(IOException.class, shortOne::complete);

        IncomingFile overlong = new IncomingFile(dir.resolve("c.bin"), 10, "0".repeat(64), PartialFileJournal.none());
        assertThrows(IOException.class, () -> overlong.write(data, 0, 11));
        overlong.discard();
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void sizeLimitAndPeerFileNamesAreChecked() {
        FileTooLargeException e = assertThrows(FileTooLargeException.class,
                () -> new FileLimits(1024 * 1024).check("movie.mkv", 3L * 1024 * 1024));
        assertEquals("\"movie.mkv\" is 3.0 MB; files up to 1.0 MB can be shared.", e.getMessage());
        assertEquals("passwd", FileControl.safeName("../../etc/passwd"));
        assertEquals("evil.txt", FileControl.safeName("C:\\Users\\x\\..\\.evil.txt"));
        assertEquals("shared-file", FileControl.safeName("..."));
        assertFalse(FileControl.safeName("a\u0000b").contains("\u0000"));
    }

    @Test
    void controlMessagesRoundTripAndRejectGarbage() {
        UUID id = UUID.randomUUID();
        FileControl offer = FileControl.offer(id, "notes.txt", 12, "a".repeat(64));
        assertEquals(offer, FileControl.decode(offer.encode()));
        assertThrows(IllegalArgumentException.class, () -> FileControl.decode("{\"type\":\"offer\"}".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> FileControl.decode("{\"type\":\"boom\",\"id\":\"x\"}".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> ChunkFrame.decode(new byte[16]));
    }
}
