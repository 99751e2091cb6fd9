package chat.free4.signaling.lan.discovery;

import chat.free4.peer.PeerId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A LAN password room's TXT record: {@code blind=ID} instead of {@code room=NAME}, never public (decision 0020). */
class BlindedAnnouncementTest {
    private static final String ID = "0123456789abcdef01234567";
    private static final String BLINDED = "00112233445566778899aabbccddeeff";

    @Test
    void aBlindedAnnouncementReadsBackAndHasNoRoomEntry() {
        LanAnnouncement blinded = LanAnnouncement.blinded(BLINDED, new PeerId(ID), "bob", "");
        byte[] txt = TxtRecordCodec.encode(blinded);
        assertEquals(Optional.of(blinded), TxtRecordCodec.decode(txt));
        String text = new String(txt, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("blind=" + BLINDED) && text.contains("pub=0"), text);
        assertFalse(text.contains("room="), text);
    }

    @Test
    void aBlindedIdNeverMatchesARoomOfTheSameName() {
        LanAnnouncement blinded = LanAnnouncement.blinded(BLINDED, new PeerId(ID), "bob", "");
        LanAnnouncement named = new LanAnnouncement(BLINDED, new PeerId(ID), "bob", false);
        assertTrue(blinded.announces(BLINDED, true));
        assertFalse(blinded.announces(BLINDED, false));
        assertFalse(named.announces(BLINDED, true));
    }

    @Test
    void hostileBlindedRecordsAreIgnored() {
        assertTrue(TxtRecordCodec.decode(txt("v=1", "blind=" + BLINDED, "room=demo", "id=" + ID, "name=bob", "pub=0")).isEmpty(),
                "a name and a blinded id");
        assertTrue(TxtRecordCodec.decode(txt("v=1", "blind=" + BLINDED, "id=" + ID, "name=bob", "pub=1")).isEmpty(),
                "a public password room");
        assertTrue(TxtRecordCodec.decode(txt("v=1", "blind=demo", "id=" + ID, "name=bob", "pub=0")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "blind=" + BLINDED.toUpperCase(), "id=" + ID, "name=bob", "pub=0")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "blind=" + BLINDED + "00", "id=" + ID, "name=bob", "pub=0")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new LanAnnouncement(BLINDED, new PeerId(ID), "bob", true, "", true));
    }

    private static byte[] txt(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String entry : entries) {
            byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }
}
