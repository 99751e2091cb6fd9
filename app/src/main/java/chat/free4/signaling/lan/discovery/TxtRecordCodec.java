package chat.free4.signaling.lan.discovery;

import chat.free4.names.NameRules;
import chat.free4.peer.PeerId;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes and reads the TXT record of a LAN peer (RFC 6763 section 6: length-prefixed
 * {@code key=value} strings). Reading treats the bytes as hostile: anything malformed, oversized,
 * of another version or breaking the name rules yields empty, never an exception.
 */
public final class TxtRecordCodec {
    /** Our own record is about 150 bytes; anything much larger is not one of ours. */
    public static final int MAX_RECORD_BYTES = 1024;
    private static final int MAX_ENTRIES = 16;
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,9}");

    static final String KEY_VERSION = "v";
    static final String KEY_ROOM = "room";
    static final String KEY_PEER_ID = "id";
    static final String KEY_NAME = "name";
    static final String KEY_PUBLIC = "pub";
    /** Optional: the key the peer's hello proves (decision 0014). */
    static final String KEY_KEY = "key";
    /** A password room's blinded id, in place of {@code room} (decision 0020). */
    static final String KEY_BLINDED = "blind";

    private TxtRecordCodec() {
    }

    public static byte[] encode(LanAnnouncement announcement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry(out, KEY_VERSION, Integer.toString(LanProtocol.VERSION));
        entry(out, announcement.blinded() ? KEY_BLINDED : KEY_ROOM, announcement.room());
        entry(out, KEY_PEER_ID, announcement.peerId().value());
        entry(out, KEY_NAME, announcement.displayName());
        entry(out, KEY_PUBLIC, announcement.isPublic() ? "1" : "0");
        if (!announcement.key().isEmpty()) {
            entry(out, KEY_KEY, announcement.key());
        }
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, String key, String value) {
        byte[] bytes = (key + "=" + value).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new IllegalArgumentException("TXT entry " + key + " is longer than 255 bytes.");
        }
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** The announcement in {@code record}, or empty if the record is not a valid version-1 one. */
    public static Optional<LanAnnouncement> decode(byte[] record) {
        if (record == null || record.length == 0 || record.length > MAX_RECORD_BYTES) {
            return Optional.empty();
        }
        Map<String, String> entries = entries(record);
        if (entries == null || !Integer.toString(LanProtocol.VERSION).equals(entries.get(KEY_VERSION))) {
            return Optional.empty();
        }
        String pub = entries.get(KEY_PUBLIC);
        if (!"1".equals(pub) && !"0".equals(pub)) {
            return Optional.empty();
        }
        String blinded = entries.get(KEY_BLINDED);
        if (blinded != null && entries.containsKey(KEY_ROOM)) {
            return Optional.empty(); // a room name and a blinded id: which one?
        }
        Optional<String> room = blinded != null ? Optional.of(blinded) : NameRules.room(entries.get(KEY_ROOM));
        Optional<String> name = NameRules.displayName(entries.get(KEY_NAME));
        Optional<PeerId> peerId = peerId(entries.get(KEY_PEER_ID));
        if (room.isEmpty() || name.isEmpty() || peerId.isEmpty()) {
            return Optional.empty();
        }
        try {
            // A blinded id that is not one, or a "public" password room, is refused by the record.
            return Optional.of(new LanAnnouncement(room.get(), peerId.get(), name.get(), "1".equals(pub),
                    entries.getOrDefault(KEY_KEY, ""), blinded != null));
        } catch (IllegalArgumentException badKeyOrBlindedId) {
            return Optional.empty();
        }
    }

    static Optional<PeerId> peerId(String raw) {
        if (raw == null || raw.length() > LanProtocol.MAX_INSTANCE_NAME_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PeerId(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The key/value pairs, or null if the record is malformed; a repeated key makes it malformed. */
    private static Map<String, String> entries(byte[] record) {
        Map<String, String> entries = new HashMap<>();
        int i = 0;
        while (i < record.length) {
            int length = record[i] & 0xff;
            i++;
            if (length == 0) {
                continue;
            }
            if (i + length > record.length || entries.size() >= MAX_ENTRIES) {
                return null;
            }
            String text = strictUtf8(record, i, length);
            i += length;
            if (text == null) {
                return null;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            String key = text.substring(0, eq).toLowerCase(Locale.ROOT);
            if (!KEY.matcher(key).matches() || entries.putIfAbsent(key, text.substring(eq + 1)) != null) {
                return null;
            }
        }
        return entries;
    }

    private static String strictUtf8(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
