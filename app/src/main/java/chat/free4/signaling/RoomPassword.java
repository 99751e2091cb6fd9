package chat.free4.signaling;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * A room's password, as the person typed it. Never printed ({@link #toString} hides it), never sent:
 * the relay transport derives a key from it (decision 0018). Holds its own copy of the characters;
 * {@link #wipe} overwrites them.
 */
public final class RoomPassword {
    /** Longer passwords are refused: the KDF takes any length, but nobody types this much. */
    public static final int MAX_LENGTH = 1024;
    private final char[] chars;

    private RoomPassword(char[] chars) {
        this.chars = chars;
    }

    /**
     * @throws IllegalArgumentException with a sentence when empty or longer than {@link #MAX_LENGTH}
     */
    public static RoomPassword of(char[] typed) {
        if (typed.length == 0) {
            throw new IllegalArgumentException("The room password is empty.");
        }
        if (typed.length > MAX_LENGTH) {
            throw new IllegalArgumentException("The room password is longer than " + MAX_LENGTH + " characters.");
        }
        return new RoomPassword(typed.clone());
    }

    /**
     * The password as UTF-8 of its NFC form (so the same password typed on another system is the
     * same bytes). The caller wipes the array after use.
     */
    public byte[] utf8() {
        CharBuffer typed = CharBuffer.wrap(chars);
        CharBuffer nfc = Normalizer.isNormalized(typed, Normalizer.Form.NFC) ? typed
                : CharBuffer.wrap(Normalizer.normalize(typed, Normalizer.Form.NFC)); // rare: a copy as String
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(nfc);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    /** Overwrites the characters; the password is gone from this object. */
    public void wipe() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "RoomPassword[hidden]";
    }
}
