package chat.free4.signaling.relay;

import java.net.URI;
import java.time.Duration;

/**
 * How the relay client connects and reconnects.
 *
 * @param relay          the relay's WebSocket address, e.g. {@code ws://127.0.0.1:8443/v1}
 * @param pingInterval   keep-alive ping (the relay drops clients idle for 60 s)
 * @param firstBackoff   wait before the first reconnect; doubles on each failure
 * @param maxBackoff     the cap of that wait
 * @param connectTimeout how long one connection attempt may take
 */
public record RelayConnectionConfig(URI relay, Duration pingInterval, Duration firstBackoff, Duration maxBackoff,
                                    Duration connectTimeout) {

    public static RelayConnectionConfig of(URI relay) {
        return new RelayConnectionConfig(relay, Duration.ofSeconds(15), Duration.ofMillis(250), Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }

    /** Accepts {@code ws://host:port}, adding the protocol path {@code /v1} when no path is given. */
    public static URI parseRelay(String text) {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a relay address; use ws://HOST:PORT/v1.");
        }
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a relay address; use ws://HOST:PORT/v1.");
        }
        if (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath())) {
            uri = uri.resolve("/v1");
        }
        return uri;
    }
}
