package chat.free4.relay.ice;

import java.time.Duration;
import java.util.List;

/**
 * The STUN and TURN servers this relay hands to its clients in {@code joined}, and the secret it
 * shares with the TURN server (coturn {@code static-auth-secret}) to mint per-peer credentials.
 *
 * @param stun       stun:/stuns: URLs, given to clients as they are
 * @param turn       turn:/turns: URLs, given with fresh credentials on every join
 * @param turnSecret the shared secret; required when {@code turn} is not empty, never sent anywhere
 * @param turnTtl    how long issued credentials stay valid
 */
public record IceConfig(List<String> stun, List<String> turn, String turnSecret, Duration turnTtl) {
    /** Clients accept a bounded list (see the app's IceServerList); keep well below it. */
    public static final int MAX_URLS = 8;

    public IceConfig {
        stun = stun.stream().map(u -> IceUrl.check(u, false)).toList();
        turn = turn.stream().map(u -> IceUrl.check(u, true)).toList();
        if (stun.size() + turn.size() > MAX_URLS) {
            throw new IllegalArgumentException("At most " + MAX_URLS + " STUN and TURN URLs together, got "
                    + (stun.size() + turn.size()) + ".");
        }
        if (turnSecret != null && turnSecret.isBlank()) {
            turnSecret = null;
        }
        if (!turn.isEmpty() && turnSecret == null) {
            throw new IllegalArgumentException("--turn needs --turn-secret (or RELAY_TURN_SECRET): the secret "
                    + "configured in the TURN server as static-auth-secret.");
        }
        if (turnTtl.isNegative() || turnTtl.isZero() || turnTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("The TURN credential lifetime must be between 1 s and 7 days, was "
                    + turnTtl.toSeconds() + " s.");
        }
    }

    public static IceConfig none() {
        return new IceConfig(List.of(), List.of(), null, Duration.ofHours(1));
    }

    public boolean any() {
        return !stun.isEmpty() || !turn.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "IceConfig[stun=" + stun + ", turn=" + turn + ", turnSecret=" + (turnSecret == null ? "none" : "set")
                + ", turnTtl=" + turnTtl + "]";
    }
}
