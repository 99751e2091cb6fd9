package chat.free4.discovery;

import chat.free4.signaling.PeerId;
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
        assertTrue(TxtRecordCodec.decode(new byte[] {50, 'v', '=', '1'}).isEmpty(), "length past the end");
        assertTrue(TxtRecordCodec.decode(new byte[] {3, 'v', '=', (byte) 0xff}).isEmpty(), "not UTF-8");
        assertTrue(TxtRecordCodec.decode(txt("v=1", "v=1", "room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty(), "repeated key");
        assertTrue(TxtRecordCodec.decode(txt("=1", "room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty(), "empty key");
        assertTrue(TxtRecordCodec.decode(txt("v=1", "noequals", "room=demo", "id=" + ID, "name=bob", "pub=1")).isEmpty());
        String[] big = new String[8];
        for (int i = 0; i < big.length; i++) {
            big[i] = "k" + i + "=" + "z".repeat(200);
        }
        assertTrue(TxtRecordCodec.decode(txt(big)).isEmpty(), "over 1024 bytes");
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
