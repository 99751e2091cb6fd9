package chat.free4.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialFileJournalTest {

    private static List<Path> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aDownloadKilledMidwayIsDeletedAtTheNextStart(@TempDir Path downloads, @TempDir Path config) throws Exception {
        Path journalDir = config.resolve("unfinished-downloads");
        Path target = downloads.resolve("holiday.mp4");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DownloadThatGetsKilled.class.getName(), journalDir.toString(), target.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path partial;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine(); // blocks until the child wrote half the file
            assertNotNull(line, "the receiving process ended before writing");
            partial = Path.of(line.substring("writing ".length()));
            assertEquals(1024, Files.size(partial));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(Files.exists(partial), "a killed process deletes nothing itself");

        assertEquals(1, PartialFileJournal.in(journalDir).sweep());

        assertFalse(Files.exists(partial));
        assertEquals(List.of(), listing(downloads), "no partial and no target file left");
        assertEquals(List.of(), listing(journalDir), "the note is gone too");
    }

    @Test
    void finishedAndDiscardedDownloadsLeaveNoNote(@TempDir Path dir) throws Exception {
        Path journalDir = dir.resolve("journal");
        PartialFileJournal journal = PartialFileJournal.in(journalDir);
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        Path source = Files.write(dir.resolve("source.txt"), data);

        IncomingFile finished = new IncomingFile(dir.resolve("saved.txt"), data.length, Sha256.of(source), journal);
        assertEquals(1, listing(journalDir).size(), "noted while in progress");
        assertEquals(0, journal.sweep(), "a sweep leaves this process's own download alone");
        assertEquals(1, listing(journalDir).size());
        finished.write(data, 0, data.length);
        finished.complete();
        assertEquals(List.of(), listing(journalDir));

        IncomingFile declined = new IncomingFile(dir.resolve("other.txt"), data.length, Sha256.of(source), journal);
        declined.write(data, 0, 2);
        declined.discard();
        assertEquals(List.of(), listing(journalDir));
        assertEquals(0, journal.sweep());
        assertEquals("hello", Files.readString(dir.resolve("saved.txt")));
    }

    @Test
    void aNoteNamingAnythingButAHiddenPartFileDeletesNothing(@TempDir Path dir) throws Exception {
        Path journalDir = Files.createDirectories(dir.resolve("journal"));
        Path precious = Files.writeString(dir.resolve("thesis.txt"), "years of work");
        long gone = finishedProcessId();
        Files.writeString(journalDir.resolve("a.download"), gone + "\n" + precious);
        Files.writeString(journalDir.resolve("b.download"), gone + "\nrelative/.x.part");
        Files.writeString(journalDir.resolve("c.download"), gone + "\n\u0000 not a path");
        Files.writeString(journalDir.resolve("d.download"), "just some text");
        Files.write(journalDir.resolve("e.download"), new byte[] {(byte) 0xC3, (byte) 0x28}); // not UTF-8
        Files.writeString(journalDir.resolve("f.download"), gone + "\n/" + "x".repeat(10_000) + "/.big.part");

        assertEquals(0, PartialFileJournal.in(journalDir).sweep());

        assertEquals("years of work", Files.readString(precious));
        assertEquals(List.of(), listing(journalDir), "unusable notes are dropped");
    }

    /** The id of a process that has ended, as a crashed app's would be. */
    private static long finishedProcessId() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.pid();
    }

    @Test
    void aDownloadOfAnotherRunningInstanceIsLeftAlone(@TempDir Path dir) throws Exception {
        Path journalDir = Files.createDirectories(dir.resolve("journal"));
        Path partial = Files.writeString(dir.resolve(".film.mkv.123.part"), "half");
        Process other = new ProcessBuilder("cat").start(); // stays alive while its stdin is open
        try {
            Files.writeString(journalDir.resolve("e.download"), other.pid() + "\n" + partial);
            assertEquals(0, PartialFileJournal.in(journalDir).sweep());
            assertTrue(Files.exists(partial));
        } finally {
            other.destroyForcibly();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(1, PartialFileJournal.in(journalDir).sweep(), "once that process is gone");
        assertFalse(Files.exists(partial));
    }

    @Test
    void withoutAJournalDirectoryNothingIsNotedOrSwept(@TempDir Path dir) throws Exception {
        assertEquals(0, PartialFileJournal.in(dir.resolve("never-created")).sweep());
        assertEquals(0, PartialFileJournal.none().sweep());
        IncomingFile in = new IncomingFile(dir.resolve("x.bin"), 10, "0".repeat(64), PartialFileJournal.none());
        in.discard();
        assertEquals(List.of(), listing(dir));
    }
}
