package chat.free4.relay.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a relay joins a cluster: the Redis its instances share rooms through, and how long the seats
 * of an instance that stopped answering are kept (decision 0026). {@link #none()} is the single relay.
 *
 * @param redisUrl {@code redis://[:password@]host:port[/db]} or {@code rediss://...} for TLS; null for none
 * @param seatTtl  an instance that has not renewed its heartbeat for this long is gone: its peers' seats
 *                 are freed and the other instances' peers hear {@code peer-left}
 */
public record ClusterConfig(String redisUrl, Duration seatTtl) {
    public static final Duration DEFAULT_SEAT_TTL = Duration.ofSeconds(10);

    public ClusterConfig {
        Objects.requireNonNull(seatTtl, "seatTtl");
        if (seatTtl.compareTo(Duration.ofMillis(500)) < 0 || seatTtl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the seat TTL must be between 0.5 s and 10 min, was " + seatTtl);
        }
        if (redisUrl != null) {
            redisUrl = redisUrl.trim();
            String scheme = URI.create(redisUrl).getScheme();
            if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
                throw new IllegalArgumentException("the Redis URL must start with redis:// or rediss://");
            }
        }
    }

    public static ClusterConfig none() {
        return new ClusterConfig(null, DEFAULT_SEAT_TTL);
    }

    public boolean enabled() {
        return redisUrl != null;
    }

    /** How often an instance renews its heartbeat and reads its rooms back: a quarter of the TTL, at most 1 s. */
    public Duration heartbeat() {
        return Duration.ofMillis(Math.max(100, Math.min(1000, seatTtl.toMillis() / 4)));
    }

    /** The heartbeat key's lifetime: the others notice a lost instance at their next heartbeat, within the TTL. */
    Duration aliveFor() {
        return seatTtl.minus(heartbeat());
    }

    /** Where Redis is, without its password, for the log. */
    public String redisHost() {
        if (redisUrl == null) {
            return "none";
        }
        URI uri = URI.create(redisUrl);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
    }

    @Override
    public String toString() {
        return "ClusterConfig[redis=" + redisHost() + ", seatTtl=" + seatTtl + "]";
    }
}
