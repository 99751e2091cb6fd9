package chat.free4.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What other peers send reaches the terminal and the disk only in a harmless form. */
class CommandLineOutputIsSafeTest {

    @Test
    void controlCharactersFromPeersCannotRewriteTheTerminal() {
        // An escape sequence would clear the screen; a carriage return would overwrite the line with a forged one.
        assertEquals("\uFFFD[2Jhi", TerminalText.safe("\u001b[2Jhi"));
        assertEquals("ok\uFFFD[  1.00s] - bob left", TerminalText.safe("ok\r[  1.00s] - bob left"));
        assertEquals("line\uFFFDnext", TerminalText.safe("line\nnext"));
        assertEquals("a\uFFFDb", TerminalText.safe("a\u009bb")); // C1 control sequence introducer
        assertEquals("Zoë 😀", TerminalText.safe("Zoë 😀"));
    }

    @Test
    void anAcceptedFileNeverReplacesOneAlreadyThere(@TempDir Path inbox) throws Exception {
        assertEquals(inbox.resolve("notes.txt"), FileConsole.freeName(inbox, "notes.txt"));
        Files.writeString(inbox.resolve("notes.txt"), "mine");
        assertEquals(inbox.resolve("notes (2).txt"), FileConsole.freeName(inbox, "notes.txt"));
        Files.writeString(inbox.resolve("notes (2).txt"), "mine too");
        assertEquals(inbox.resolve("notes (3).txt"), FileConsole.freeName(inbox, "notes.txt"));
        Files.writeString(inbox.resolve("README"), "mine");
        assertEquals(inbox.resolve("README (2)"), FileConsole.freeName(inbox, "README"));
    }
}
