package chat.free4.signaling;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one STUN/TURN entry from the user, the command line or the relay before anything reaches
 * webrtc-java (RFC 7064/7065 syntax only: scheme, host, optional port, optional transport; TURN
 * needs a username and a password). A refusal is a sentence for a person naming the entry and
 * what is wrong, so a bad line in Settings or from a relay is reported, never fatal.
 */
public final class IceServerCheck {
    public static final int MAX_URL_LENGTH = 512;
    public static final int MAX_CREDENTIAL_LENGTH = 256;

    /** A DNS label (or a part of an IPv4 address): letters, digits, inner hyphens. */
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern URL = Pattern.compile(
            "^([A-Za-z][A-Za-z0-9+.-]*):(\\[[0-9A-Fa-f:.]+\\]|" + LABEL + "(?:\\." + LABEL + ")*)(?::(\\d{1,5}))?(\\?.*)?$");

    private IceServerCheck() {
    }

    /** A STUN or TURN server with credentials; throws {@link IllegalArgumentException} with the reason. */
    public static IceServer check(String url, String username, String password) {
        String u = url == null ? "" : url.strip();
        String shown = shown(u);
        if (u.isEmpty()) {
            throw new IllegalArgumentException("An ICE server entry is empty.");
        }
        if (u.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("The ICE server \"" + shown + "\" is longer than " + MAX_URL_LENGTH + " characters.");
        }
        if (!u.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("The ICE server \"" + shown + "\" contains spaces or characters a URL cannot have.");
        }
        if (u.contains("@")) {
            throw new IllegalArgumentException("The ICE server \"" + shown + "\" has credentials in the URL; give the username "
                    + "and password separately.");
        }
        Matcher m = URL.matcher(u);
        if (!m.matches() || !knownScheme(m.group(1))) {
            throw new IllegalArgumentException("\"" + shown + "\" is not a STUN or TURN server: write stun:HOST[:PORT] or "
                    + "turn:HOST[:PORT][?transport=udp|tcp] (stuns:/turns: for TLS).");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (m.group(3) != null) {
            int port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("The ICE server \"" + shown + "\" has port " + port + "; ports are 1 to 65535.");
            }
        }
        boolean turn = scheme.startsWith("turn");
        String query = m.group(4);
        if (query != null) {
            String transport = query.toLowerCase(Locale.ROOT);
            if (!turn) {
                throw new IllegalArgumentException("The STUN server \"" + shown + "\" has \"" + query + "\"; a STUN URL has no "
                        + "options.");
            }
            if (!transport.equals("?transport=udp") && !transport.equals("?transport=tcp")) {
                throw new IllegalArgumentException("The TURN server \"" + shown + "\" has \"" + query + "\"; the only option is "
                        + "?transport=udp or ?transport=tcp.");
            }
        }
        String user = username == null ? "" : username;
        String pass = password == null ? "" : password;
        if (!turn) {
            return new IceServer(scheme + u.substring(scheme.length()), "", "");
        }
        if (user.isEmpty() || pass.isEmpty()) {
            throw new IllegalArgumentException("The TURN server \"" + shown + "\" needs a username and a password.");
        }
        if (user.length() > MAX_CREDENTIAL_LENGTH || pass.length() > MAX_CREDENTIAL_LENGTH) {
            throw new IllegalArgumentException("The username or password of the TURN server \"" + shown + "\" is longer than "
                    + MAX_CREDENTIAL_LENGTH + " characters.");
        }
        if (!(printable(user) && printable(pass))) {
            throw new IllegalArgumentException("The username or password of the TURN server \"" + shown + "\" contains "
                    + "control characters.");
        }
        return new IceServer(scheme + u.substring(scheme.length()), user, pass);
    }

    private static boolean knownScheme(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "stun", "stuns", "turn", "turns" -> true;
            default -> false;
        };
    }

    private static boolean printable(String s) {
        return s.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    /** Enough of the entry to recognise it in a sentence, without flooding it. */
    private static String shown(String u) {
        String printable = u.codePoints().map(c -> c < 0x20 || c == 0x7f ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 80 ? printable.substring(0, 77) + "..." : printable;
    }
}
