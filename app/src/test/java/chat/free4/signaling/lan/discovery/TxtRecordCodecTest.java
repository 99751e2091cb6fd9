package chat.free4.signaling.lan.discovery;

import chat.free4.peer.PeerId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TxtRecordCodecTest {
    private static final String ID = "0123456789abcdef01234567";

    @Test
    void encodedAnnouncementReadsBackTheSame() {
        LanAnnouncement announcement = new LanAnnouncement("Café Ünïcode 42", new PeerId(ID), "Zoë 🎧", false);
        assertEquals(Optional.of(announcement), TxtRecordCodec.decode(TxtRecordCodec.encode(announcement)));
    }

    @Test
    void theAnnouncedKeyReadsBackAndABadOneIsIgnored() {
        String key = "MCowBQYDK2VwAyEA" + "A".repeat(43) + "=";
        LanAnnouncement keyed = new LanAnnouncement("demo", new PeerId(ID), "bob", true, key);
        assertEquals(keyed, TxtRecordCodec.decode(TxtRecordCodec.encode(keyed)).orElseThrow());
        assertEquals("", TxtRecordCodec.decode(txt("v=1", "room=demo", "id=" + ID, "name=bob", "pub=1")).orElseThrow().key());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "id=" + ID, "name=bob", "pub=1", "key=not base64!")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "id=" + ID, "name=bob", "pub=1", "key=" + "A".repeat(200))).isEmpty());
    }

    @Test
    void namesAreTrimmed() {
        Optional<LanAnnouncement> decoded = TxtRecordCodec.decode(txt("v=1", "room=  demo ", "id=" + ID, "name= bob ", "pub=1"));
        assertEquals("demo", decoded.orElseThrow().room());
        assertEquals("bob", decoded.orElseThrow().displayName());
    }

    @Test
    void keysAreCaseInsensitiveAndUnknownKeysAreIgnored() {
        assertTrue(TxtRecordCodec.decode(txt("V=1", "ROOM=demo", "id=" + ID, "name=bob", "pub=1", "future=x")).isPresent());
    }

    @Test
    void otherVersionsAreIgnored() {
        assertTrue(TxtRecordCodec.decode(txt("v=2", "room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=01", "room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty());
    }

    @Test
    void missingOrInvalidFieldsAreIgnored() {
        assertTrue(TxtRecordCodec.decode(txt("v=1", "id=" + ID, "name=bob", "pub=1")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "name=bob", "pub=1")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "id=" + ID, "pub=1")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "id=" + ID, "name=bob")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "id=" + ID, "name=bob", "pub=yes")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "id=short", "name=bob", "pub=1")).isEmpty());
        assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "id=" + "a".repeat(64), "name=bob", "pub=1")).isEmpty());
    }

    @Test
    void injectionInNamesIsIgnored() {
        for (String room : new String[] {"demo\nroom", "demo\u001b[31m", "a;rm -rf", "<script>", "", " ", "x".repeat(65)}) {
            assertTrue(TxtRecordCodec.decode(txt("v=1", "room=" + room, "id=" + ID, "name=bob", "pub=1")).isEmpty(), room);
        }
        for (String name : new String[] {"bob\r\nadmin", "\u202Eevil", "zero\u200Bwidth", "\u001b]0;x\u0007", "y".repeat(33), "\t"}) {
            assertTrue(TxtRecordCodec.decode(txt("v=1", "room=demo", "id=" + ID, "name=" + name, "pub=1")).isEmpty(), name);
        }
    }

    @Test
    void malformedBytesAreIgnored() {
        assertTrue(TxtRecordCodec.decode(new byte[0]).isEmpty());
        assertTrue(TxtRecordCodec.decode(null).isEmpty());
        // Each defect sits in an otherwise complete announcement, so only its own check refuses it.
        byte[] valid = txt("v=1", "room=demo", "id=" + ID, "name=bob", "pub=1");
        assertTrue(TxtRecordCodec.decode(valid).isPresent(), "the complete announcement the cases below spoil");
        assertTrue(TxtRecordCodec.decode(concat(valid, new byte[] {50, 'x', '=', '1'})).isEmpty(), "length past the end");
        byte[] badName = concat(txt("v=1", "room=demo", "id=" + ID, "pub=1"), new byte[] {7, 'n', 'a', 'm', 'e', '=', 'b', (byte) 0xff});
        assertTrue(TxtRecordCodec.decode(badName).isEmpty(), "not UTF-8");
        assertTrue(TxtRecordCodec.decode(txt("v=1", "v=1", "room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty(), "repeated key");
        assertTrue(TxtRecordCodec.decode(txt("v=1", "=1", "room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty(), "empty key");
        assertTrue(TxtRecordCodec.decode(txt("v=1", "noequals", "room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty());
        String[] big = new String[10];
        String[] fields = {"v=1", "room=demo", "id=" + ID, "name=bob", "pub=1"};
        System.arraycopy(fields, 0, big, 0, fields.length);
        for (int i = fields.length; i < big.length; i++) {
            big[i] = "k" + i + "=" + "z".repeat(200); // unknown keys, ignored when the record is small enough
        }
        byte[] bigRecord = txt(big);
        assertTrue(bigRecord.length > 1024, "the record is over the limit: " + bigRecord.length);
        assertTrue(TxtRecordCodec.decode(bigRecord).isEmpty(), "over 1024 bytes");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
