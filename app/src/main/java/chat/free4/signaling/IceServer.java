package chat.free4.signaling;

import java.util.Locale;

/**
 * One STUN or TURN server, already checked by {@link IceServerCheck}: only such values reach
 * webrtc-java, whose native code crashes the JVM on entries it cannot use (a {@code turn:} URL
 * without credentials, a URL without a scheme).
 *
 * @param url      e.g. {@code stun:198.19.0.10:3478} or {@code turn:host:3478?transport=tcp}
 * @param username empty for STUN
 * @param password empty for STUN
 */
public record IceServer(String url, String username, String password) {

    /** Use {@link IceServerCheck#check}; this constructor trusts its input. */
    public IceServer {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    public boolean isTurn() {
        return url.toLowerCase(Locale.ROOT).startsWith("turn");
    }

    /** {@code ?transport=tcp}, or a {@code turns:} URL (TLS over TCP). */
    public boolean overTcp() {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("turns:") || u.endsWith("?transport=tcp");
    }

    @Override
    public String toString() {
        return isTurn() ? url + " (user " + username + ")" : url; // the password stays out of logs
    }
}
