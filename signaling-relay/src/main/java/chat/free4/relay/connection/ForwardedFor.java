package chat.free4.relay.connection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client address a trusted reverse proxy reports in {@code X-Forwarded-For}. Only the last
 * entry counts: it is the one the proxy in front of us appended; everything left of it was sent
 * by the client and can be forged. Anything that is not an IP literal is ignored (never looked
 * up in DNS).
 */
public final class ForwardedFor {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ForwardedFor() {
    }

    /** @param headerValues every {@code X-Forwarded-For} header of the request, in order */
    public static Optional<InetAddress> lastHop(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return Optional.empty();
        }
        String last = headerValues.get(headerValues.size() - 1);
        String entry = last.substring(last.lastIndexOf(',') + 1).strip();
        if (entry.startsWith("[") && entry.endsWith("]")) {
            entry = entry.substring(1, entry.length() - 1);
        }
        try {
            if (IPV4.matcher(entry).matches()) {
                return ipv4(entry);
            }
            if (entry.indexOf(':') >= 0 && IPV6.matcher(entry).matches()) {
                // With a ':' the JDK parses an IPv6 literal and never falls back to DNS.
                return Optional.of(InetAddress.getByName(entry));
            }
        } catch (UnknownHostException e) {
            // not a valid literal
        }
        return Optional.empty();
    }

    /** Parsed by hand: InetAddress would look up "999.1.1.1" in DNS as a host name. */
    private static Optional<InetAddress> ipv4(String dotted) throws UnknownHostException {
        String[] parts = dotted.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
    }
}
