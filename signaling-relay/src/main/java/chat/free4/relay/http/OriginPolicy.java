package chat.free4.relay.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages may open relay sockets. Browsers send the page's {@code Origin} with every
 * WebSocket upgrade, so without a list any page a user visits can use the relay (and the user's
 * address) as its own. Desktop clients send no {@code Origin}; that is always accepted. An empty
 * list (the default) accepts every origin.
 */
public final class OriginPolicy {
    private final Set<String> allowed;

    /** @param origins exact {@code scheme://host[:port]} values, compared case-insensitively */
    public OriginPolicy(List<String> origins) {
        this.allowed = origins.stream().map(OriginPolicy::normal).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String origin) {
        return allowed.isEmpty() || origin == null || allowed.contains(normal(origin));
    }

    private static String normal(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
