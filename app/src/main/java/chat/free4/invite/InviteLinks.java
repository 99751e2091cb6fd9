package chat.free4.invite;

import chat.free4.names.NameRules;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes invite links (docs/PROTOCOL.md, "Invite links"):
 * <pre>
 *   free4chat://join?relay=wss%3A%2F%2Frelay.example.org%2Fv1&amp;room=kitchen
 *   free4chat://lan?room=kitchen
 *   free4chat://join?relay=...&amp;room=kitchen#SECRET     (a private room)
 * </pre>
 * A link comes from outside (a browser, a chat message, another program through the desktop's URI
 * handler), so it is read as hostile: bounded in length, ASCII only, no control characters,
 * strict percent-encoding of UTF-8, each parameter at most once, a relay that is {@code ws://} or
 * {@code wss://} with a host and nothing else, a room valid by {@link NameRules}. Anything else is an
 * {@link InvalidInviteLinkException} whose message is the sentence to show.
 */
public final class InviteLinks {
    public static final String SCHEME = "free4chat";
    /** Longer links are refused before they are looked at. */
    public static final int MAX_LINK_LENGTH = 2048;
    public static final int MAX_RELAY_LENGTH = 512;
    /** Code points of the fragment secret. */
    public static final int MAX_SECRET_LENGTH = 256;
    private static final String RELAY_HOST = "join";
    private static final String LAN_HOST = "lan";
    private static final String NOT_A_LINK = "This is not a free4chat invite link (they start with free4chat://).";
    private static final String ASK_AGAIN = " Ask whoever sent it for a new one.";

    private InviteLinks() {
    }

    /** True when {@code text} is meant as an invite link (starts with {@code free4chat:}), valid or not. */
    public static boolean looksLikeLink(String text) {
        return text != null && text.regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1);
    }

    /** The invite in {@code text}; throws {@link InvalidInviteLinkException} with a sentence when it is not one. */
    public static InviteLink parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInviteLinkException("The invite link is empty.");
        }
        if (text.length() > MAX_LINK_LENGTH) {
            throw new InvalidInviteLinkException("This invite link is too long to be one (" + text.length()
                    + " characters, at most " + MAX_LINK_LENGTH + ")." + ASK_AGAIN);
        }
        String link = text.strip();
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new InvalidInviteLinkException("This invite link holds characters a link cannot"
                        + " (spaces, control or non-ASCII characters), so it was not followed." + ASK_AGAIN);
            }
        }
        if (!looksLikeLink(link)) {
            throw new InvalidInviteLinkException(NOT_A_LINK);
        }
        String rest = link.substring(SCHEME.length() + 1);
        if (!rest.startsWith("//")) {
            throw new InvalidInviteLinkException(NOT_A_LINK);
        }
        rest = rest.substring(2);
        Optional<String> secret = Optional.empty();
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            secret = Optional.of(decode(rest.substring(hash + 1), "secret"));
            rest = rest.substring(0, hash);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String where = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        Map<String, String> params = parameters(query);
        String room = params.get("room");
        if (room == null) {
            throw new InvalidInviteLinkException("This invite link names no room." + ASK_AGAIN);
        }
        if (!NameRules.room(room).filter(room::equals).isPresent()) {
            throw new InvalidInviteLinkException("This invite link names a room that cannot exist: "
                    + NameRules.ROOM_RULE);
        }
        switch (where.toLowerCase(Locale.ROOT)) {
            case RELAY_HOST -> {
                String relay = params.get("relay");
                if (relay == null) {
                    throw new InvalidInviteLinkException("This invite link names no relay." + ASK_AGAIN);
                }
                return new InviteLink(Optional.of(relayUri(relay)), room, secret);
            }
            case LAN_HOST -> {
                if (params.containsKey("relay")) {
                    throw new InvalidInviteLinkException("This invite link names both this network and a relay,"
                            + " so it was not followed." + ASK_AGAIN);
                }
                return new InviteLink(Optional.empty(), room, secret);
            }
            default -> throw new InvalidInviteLinkException("This free4chat link is not an invite (it should start"
                    + " with free4chat://join? or free4chat://lan?)." + ASK_AGAIN);
        }
    }

    /** The link's text; the secret, if any, after {@code #}. */
    public static String format(InviteLink invite) {
        StringBuilder link = new StringBuilder(SCHEME).append("://");
        if (invite.relay().isPresent()) {
            link.append(RELAY_HOST).append("?relay=").append(encode(invite.relay().get().toString())).append('&');
        } else {
            link.append(LAN_HOST).append('?');
        }
        link.append("room=").append(encode(invite.room()));
        invite.secret().ifPresent(s -> link.append('#').append(encode(s)));
        return link.toString();
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> params = new HashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!key.equals("room") && !key.equals("relay")) {
                continue; // a later version's parameter: ignored, so older apps still follow its links
            }
            if (params.put(key, decode(value, key)) != null) {
                throw new InvalidInviteLinkException("This invite link names its " + key + " twice, so it was"
                        + " not followed." + ASK_AGAIN);
            }
        }
        return params;
    }

    static URI relayUri(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInviteLinkException("This invite link's relay address is not an address." + ASK_AGAIN);
        }
        checkRelay(uri);
        return uri;
    }

    static void checkRelay(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new InvalidInviteLinkException("This invite link's relay is not a relay address (those start"
                    + " with ws:// or wss://), so it was not followed.");
        }
        String text = uri.toString();
        if (text.length() > MAX_RELAY_LENGTH || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || uri.getRawQuery() != null
                || text.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new InvalidInviteLinkException("This invite link's relay address is not one free4chat connects to"
                    + " (a host name and a path, nothing else)." + ASK_AGAIN);
        }
    }

    static void checkSecret(String secret) {
        int length = secret.codePointCount(0, secret.length());
        if (length > MAX_SECRET_LENGTH || secret.codePoints().anyMatch(c -> NameRules.isControl(c)
                || Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidInviteLinkException("This invite link's room secret (after #) cannot be one: at most "
                    + MAX_SECRET_LENGTH + " characters and no control characters." + ASK_AGAIN);
        }
    }

    /** Every byte but A-Z a-z 0-9 - . _ ~ as %XX of its UTF-8. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Strict percent-decoding to UTF-8: a bad escape or bytes that are not UTF-8 refuse the link. */
    static String decode(String value, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
                if (lo < 0) {
                    throw badEncoding(what);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw badEncoding(what);
        }
        if (decoded.codePoints().anyMatch(NameRules::isControl)) {
            throw new InvalidInviteLinkException("This invite link's " + what + " holds control characters, so it was"
                    + " not followed." + ASK_AGAIN);
        }
        return decoded;
    }

    private static InvalidInviteLinkException badEncoding(String what) {
        return new InvalidInviteLinkException("This invite link's " + what + " is garbled (broken %-escapes)." + ASK_AGAIN);
    }
}
