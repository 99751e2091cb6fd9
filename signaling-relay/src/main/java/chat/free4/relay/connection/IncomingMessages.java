package chat.free4.relay.connection;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns one client's data frames into whole messages: text checked as strict UTF-8 (a signal's SDP
 * is ASCII and is copied once, without Jetty's character-by-character decoder, issue 15), pieces of
 * a fragmented message joined, and every message held to the relay's size limit.
 */
final class IncomingMessages {
    /** Why a frame ends the connection: the close status and the reason sent with it. */
    static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }

    static final int MESSAGE_TOO_LARGE = 1009;
    static final int NOT_UTF8 = 1007;
    /** Large enough for any frame the relay accepts by default; a larger limit allocates per message. */
    private static final int SCRATCH_BYTES = 64 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);

    private final long maxMessageBytes;
    /** The pieces so far of a fragmented text message; null when none is open. */
    private byte[] pending;
    private int pendingLength;
    /** Bytes so far of a (refused) binary message, counted only to hold the size limit. */
    private long binaryLength;

    IncomingMessages(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** A text frame or its continuation: the whole message once {@code fin}, else null. */
    String text(ByteBuffer payload, boolean fin) throws Refusal {
        int n = payload.remaining();
        if (pending == null && fin) {
            checkSize(n);
            return decode(payload);
        }
        checkSize((long) pendingLength + n);
        if (pending == null) {
            pending = new byte[Math.max(256, n * 2)];
        } else if (pending.length < pendingLength + n) {
            pending = java.util.Arrays.copyOf(pending, (int) Math.min(maxMessageBytes,
                    Math.max((long) pending.length * 2, (long) pendingLength + n)));
        }
        payload.duplicate().get(pending, pendingLength, n);
        pendingLength += n;
        if (!fin) {
            return null;
        }
        ByteBuffer whole = ByteBuffer.wrap(pending, 0, pendingLength);
        pending = null;
        pendingLength = 0;
        return decode(whole);
    }

    /** A binary frame or its continuation: true once the (refused) message is complete. */
    boolean binary(int payloadLength, boolean fin) throws Refusal {
        binaryLength += payloadLength;
        checkSize(binaryLength);
        if (fin) {
            binaryLength = 0;
        }
        return fin;
    }

    private void checkSize(long bytes) throws Refusal {
        if (bytes > maxMessageBytes) {
            throw new Refusal(MESSAGE_TOO_LARGE, "Message larger than " + maxMessageBytes + " bytes");
        }
    }

    private static String decode(ByteBuffer payload) throws Refusal {
        int n = payload.remaining();
        byte[] bytes;
        int offset;
        if (payload.hasArray()) {
            bytes = payload.array();
            offset = payload.arrayOffset() + payload.position();
        } else {
            bytes = n <= SCRATCH_BYTES ? SCRATCH.get() : new byte[n];
            offset = 0;
            payload.duplicate().get(bytes, 0, n);
        }
        if (isAscii(bytes, offset, n)) {
            return new String(bytes, offset, n, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, n));
            return chars.toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Refusal(NOT_UTF8, "Invalid UTF-8");
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
