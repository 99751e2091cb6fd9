package chat.free4.relay.protocol;

/**
 * The relay's hot path: recognises a well-formed {@code {"type":"signal","to":..,"payload":{..}}}
 * in one strict pass and keeps the payload as the text it came in, so it is forwarded without
 * building and re-writing a JSON tree (issue 15). Anything else - another type, a duplicate
 * field, any doubt about the grammar - answers null and goes the general way through
 * {@link InboundParser}, which decides every error exactly as before. Strict RFC 8259: no
 * comments, no single quotes, no unescaped control characters, nesting at most {@code maxNesting}.
 */
final class SignalScanner {
    private final int maxNesting;
    private String text;
    private int pos;

    SignalScanner(int maxNesting) {
        this.maxNesting = maxNesting;
    }

    /** The signal, or null when the text is not plainly one. Not thread-safe; one per call is cheap. */
    Inbound.Signal scan(String input) {
        text = input;
        pos = 0;
        try {
            return signal();
        } finally {
            text = null;
        }
    }

    private Inbound.Signal signal() {
        skipSpace();
        if (!take('{')) {
            return null;
        }
        boolean sawType = false;
        String to = null;
        int payloadStart = -1;
        int payloadEnd = -1;
        skipSpace();
        if (take('}')) {
            return null;
        }
        while (true) {
            skipSpace();
            int keyStart = pos;
            if (!string()) {
                return null;
            }
            String key = rawContent(keyStart);
            skipSpace();
            if (!take(':')) {
                return null;
            }
            skipSpace();
            int valueStart = pos;
            if (key == null) {
                return null; // a name with escapes: unusual enough for the general path
            }
            switch (key) {
                case "type" -> {
                    if (sawType || !string() || !"signal".equals(rawContent(valueStart))) {
                        return null;
                    }
                    sawType = true;
                }
                case "to" -> {
                    if (to != null || !string()) {
                        return null;
                    }
                    to = rawContent(valueStart);
                    if (to == null) {
                        return null;
                    }
                }
                case "payload" -> {
                    if (payloadStart >= 0 || peek() != '{' || !value(2)) {
                        return null;
                    }
                    payloadStart = valueStart;
                    payloadEnd = pos;
                }
                default -> {
                    if (!value(2)) {
                        return null;
                    }
                }
            }
            skipSpace();
            if (take(',')) {
                continue;
            }
            if (!take('}')) {
                return null;
            }
            break;
        }
        skipSpace();
        if (pos != text.length() || !sawType || to == null || payloadStart < 0) {
            return null;
        }
        return new Inbound.Signal(to, text.substring(payloadStart, payloadEnd));
    }

    /** The characters between the quotes of the string that ends at {@code pos}; null if it has escapes. */
    private String rawContent(int start) {
        String content = text.substring(start + 1, pos - 1);
        return content.indexOf('\\') >= 0 ? null : content;
    }

    private boolean value(int depth) {
        if (depth > maxNesting) {
            return false;
        }
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number();
        };
    }

    private boolean object(int depth) {
        pos++; // '{'
        skipSpace();
        if (take('}')) {
            return true;
        }
        while (true) {
            skipSpace();
            if (!string()) {
                return false;
            }
            skipSpace();
            if (!take(':')) {
                return false;
            }
            skipSpace();
            if (!value(depth + 1)) {
                return false;
            }
            skipSpace();
            if (take(',')) {
                continue;
            }
            return take('}');
        }
    }

    private boolean array(int depth) {
        pos++; // '['
        skipSpace();
        if (take(']')) {
            return true;
        }
        while (true) {
            skipSpace();
            if (!value(depth + 1)) {
                return false;
            }
            skipSpace();
            if (take(',')) {
                continue;
            }
            return take(']');
        }
    }

    private boolean string() {
        if (!take('"')) {
            return false;
        }
        int length = text.length();
        while (pos < length) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (pos >= length) {
                    return false;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
                    case 'u' -> {
                        if (pos + 4 > length) {
                            return false;
                        }
                        for (int i = 0; i < 4; i++) {
                            if (Character.digit(text.charAt(pos++), 16) < 0) {
                                return false;
                            }
                        }
                    }
                    default -> {
                        return false;
                    }
                }
            }
        }
        return false;
    }

    private boolean number() {
        take('-');
        if (take('0')) {
            // no leading zeros
        } else if (!digits()) {
            return false;
        }
        if (take('.') && !digits()) {
            return false;
        }
        if (take('e') || take('E')) {
            if (!take('+')) {
                take('-');
            }
            return digits();
        }
        return true;
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private boolean word(String w) {
        if (text.startsWith(w, pos)) {
            pos += w.length();
            return true;
        }
        return false;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private boolean take(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
