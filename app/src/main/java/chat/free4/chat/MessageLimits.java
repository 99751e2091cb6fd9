package chat.free4.chat;

import java.nio.charset.StandardCharsets;

/** How long a chat message may be. Long enough for a code snippet; anything longer is a file. */
public final class MessageLimits {
    public static final int MAX_CHARACTERS = 4_000;
    /** UTF-8 bytes of the text; 4,000 emoji would otherwise be 16 KB. */
    public static final int MAX_TEXT_BYTES = 16 * 1024;
    /** A whole frame on the wire (text plus envelope); larger frames are dropped unread. */
    public static final int MAX_FRAME_BYTES = MAX_TEXT_BYTES + 1024;

    private MessageLimits() {
    }

    /** @throws MessageTooLongException with a sentence a person can act on */
    public static void check(String text) {
        int characters = text.codePointCount(0, text.length());
        if (characters > MAX_CHARACTERS) {
            throw new MessageTooLongException(String.format(
                    "This message is %,d characters long; the limit is %,d. Split it, or share it as a file.",
                    characters, MAX_CHARACTERS));
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw new MessageTooLongException(String.format(
                    "This message is too large (%,d bytes; the limit is %,d). Split it, or share it as a file.",
                    bytes, MAX_TEXT_BYTES));
        }
    }
}
