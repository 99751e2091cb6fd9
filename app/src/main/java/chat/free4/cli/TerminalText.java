package chat.free4.cli;

/**
 * Text from other peers made safe to print: a control character (an escape sequence, a carriage
 * return) could otherwise rewrite the terminal or forge lines of the output.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String safe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '\uFFFD' : c));
        return b.toString();
    }
}
