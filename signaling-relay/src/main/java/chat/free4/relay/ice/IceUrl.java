package chat.free4.relay.ice;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a STUN or TURN URL from the relay's own command line (RFC 7064/7065 syntax:
 * {@code stun:host[:port]}, {@code turn:host[:port][?transport=udp|tcp]}) so that a typo stops the
 * relay at start instead of reaching every client. Clients check again; this is the operator's
 * early warning, not the clients' protection.
 */
public final class IceUrl {
    private static final Pattern SYNTAX = Pattern.compile(
            "^(stuns?|turns?):(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?(?:\\?transport=(udp|tcp))?$");

    private IceUrl() {
    }

    /**
     * @param url  the URL as given
     * @param turn true for {@code --turn} (turn:/turns:), false for {@code --stun} (stun:/stuns:)
     * @return the URL, trimmed
     * @throws IllegalArgumentException with a sentence naming what is wrong
     */
    public static String check(String url, boolean turn) {
        String u = url == null ? "" : url.trim();
        Matcher m = SYNTAX.matcher(u);
        String expected = turn ? "turn:HOST[:PORT][?transport=udp|tcp] (or turns:)" : "stun:HOST[:PORT] (or stuns:)";
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + u + "\" is not a valid " + (turn ? "TURN" : "STUN")
                    + " URL; expected " + expected + ".");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (scheme.startsWith("turn") != turn) {
            throw new IllegalArgumentException("\"" + u + "\" has the scheme " + scheme + ": but " + (turn ? "--turn" : "--stun")
                    + " takes " + expected + ".");
        }
        if (!turn && m.group(4) != null) {
            throw new IllegalArgumentException("\"" + u + "\": a STUN URL has no ?transport.");
        }
        if (m.group(3) != null) {
            int port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("\"" + u + "\" has port " + port + "; ports are 1 to 65535.");
            }
        }
        return u;
    }
}
