package chat.free4.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A file name in a peer's offer is shown in the transfer row and suggested in the save dialog:
 * it must read as what it is. Each case goes through the real decoder of the wire message.
 */
class OfferedFileNamesTest {

    private static String offered(String name) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "offer");
        o.addProperty("id", UUID.randomUUID().toString());
        o.addProperty("name", name);
        o.addProperty("size", 10);
        o.addProperty("sha256", "0".repeat(64));
        return FileControl.decode(o.toString().getBytes(StandardCharsets.UTF_8)).name();
    }

    @Test
    void bidiOverridesAndInvisibleCharactersAreRemoved() {
        // Shown as "invoiceexe.pdf" with the override; without it the real extension is at the end.
        assertEquals("invoicefdp.exe", offered("invoice\u202Efdp.exe"));
        assertEquals("abc.txt", offered("a\u200Bb\u2066c\uFEFF.txt"));
        assertEquals("ab.txt", offered("a\u2028b\u2029.txt"));
    }

    @Test
    void c1ControlsBecomeUnderscores() {
        assertEquals("bad__name.txt", offered("bad\u0085\u009Bname.txt"));
    }

    @Test
    void unusualSpacesBecomeOneOrdinarySpace() {
        assertEquals("photo.jpg .exe", offered("photo.jpg\u00A0\u00A0\u00A0\u2007\u3000                    .exe"));
        assertEquals("a b.txt", offered("a\tb.txt".replace('\t', '\u00A0')));
    }

    @Test
    void windowsReservedNamesAreDefused() {
        assertEquals("_CON", offered("CON"));
        assertEquals("_con.txt", offered("con.txt"));
        assertEquals("_COM1.tar.gz", offered("COM1.tar.gz"));
        assertEquals("_LPT9", offered("LPT9"));
        assertEquals("_aux", offered("aux."));
        assertEquals("_nul.txt", offered("nul .txt"));
        assertEquals("_COM\u00B9", offered("COM\u00B9"));
        assertEquals("console.txt", offered("console.txt"));
    }

    @Test
    void trailingDotsAndSpacesAreDropped() {
        assertEquals("notes.txt", offered("notes.txt. . ."));
        assertEquals("setup.exe", offered("setup.exe   "));
        assertEquals("shared-file", offered(" . . "));
    }

    @Test
    void longNamesKeepTheirExtension() {
        String name = offered("a".repeat(400) + ".pdf");
        assertEquals(200, name.length());
        assertEquals(".pdf", name.substring(name.length() - 4));
    }
}
