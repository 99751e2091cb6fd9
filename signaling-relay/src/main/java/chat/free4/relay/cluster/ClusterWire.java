package chat.free4.relay.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What one instance publishes to another's channel: a kind letter, then length-prefixed fields
 * ({@code 5:hello}), then for a signal the encoded frame as the rest. Length prefixes, not
 * separators, so room names and frames need no escaping. Decoding refuses anything malformed.
 */
final class ClusterWire {
    static final char JOINED = 'J';
    static final char LEFT = 'L';
    static final char SIGNAL = 'S';
    /** Longest field (room keys, peer ids, names, instance ids are far shorter). */
    private static final int MAX_FIELD = 1024;

    /** A decoded message; {@code rest} is the frame of a signal, "" otherwise. */
    record Message(char kind, List<String> fields, String rest) {
    }

    private ClusterWire() {
    }

    static String joined(String roomKey, String peerId, String name, String instance) {
        return encode(JOINED, "", roomKey, peerId, name, instance);
    }

    static String left(String roomKey, String peerId, String instance) {
        return encode(LEFT, "", roomKey, peerId, instance);
    }

    static String signal(String roomKey, String to, String frame) {
        return encode(SIGNAL, frame, roomKey, to);
    }

    private static String encode(char kind, String rest, String... fields) {
        StringBuilder out = new StringBuilder(rest.length() + 64);
        out.append(kind);
        for (String field : fields) {
            out.append(field.length()).append(':').append(field);
        }
        return out.append(rest).toString();
    }

    /** @throws IllegalArgumentException if the text is not a message of a known kind with its fields */
    static Message decode(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty message");
        }
        char kind = text.charAt(0);
        int count = switch (kind) {
            case JOINED -> 4;
            case LEFT -> 3;
            case SIGNAL -> 2;
            default -> throw new IllegalArgumentException("unknown kind");
        };
        List<String> fields = new ArrayList<>(count);
        int at = 1;
        for (int i = 0; i < count; i++) {
            int colon = text.indexOf(':', at);
            if (colon < 0 || colon - at < 1 || colon - at > 4) {
                throw new IllegalArgumentException("bad field length");
            }
            int length = parseLength(text, at, colon);
            if (length > MAX_FIELD || colon + 1 + length > text.length()) {
                throw new IllegalArgumentException("field too long");
            }
            fields.add(text.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        String rest = text.substring(at);
        if (kind != SIGNAL && !rest.isEmpty()) {
            throw new IllegalArgumentException("trailing text");
        }
        return new Message(kind, fields, rest);
    }

    private static int parseLength(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad field length");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
