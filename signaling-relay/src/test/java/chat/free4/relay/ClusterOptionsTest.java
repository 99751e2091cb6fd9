package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import chat.free4.relay.cluster.ClusterConfig;
import chat.free4.relay.container.EnvironmentDefaults;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --redis and --cluster-seat-ttl-seconds, from the command line and from the container's environment. */
class ClusterOptionsTest {

    @Test
    void withoutRedisTheRelayIsNoCluster() {
        RelayMain main = new RelayMain();
        new CommandLine(main).parseArgs();
        assertFalse(main.cluster().enabled());
        assertNull(main.cluster().redisUrl());
        assertEquals(Duration.ofSeconds(10), main.cluster().seatTtl());
    }

    @Test
    void optionsAndEnvironmentReachTheClusterConfigAndThePasswordIsNeverPrinted() {
        RelayMain main = new RelayMain();
        new CommandLine(main).parseArgs("--redis", "redis://:pa55word@127.0.0.1:6390", "--cluster-seat-ttl-seconds", "2.5");
        ClusterConfig cluster = main.cluster();
        assertEquals("redis://:pa55word@127.0.0.1:6390", cluster.redisUrl());
        assertEquals(Duration.ofMillis(2500), cluster.seatTtl());
        assertEquals(Duration.ofMillis(625), cluster.heartbeat());
        assertFalse(cluster.toString().contains("pa55word"), cluster.toString());

        RelayMain fromEnvironment = new RelayMain();
        new CommandLine(fromEnvironment).setDefaultValueProvider(new EnvironmentDefaults(Map.of(
                "RELAY_REDIS_URL", "rediss://cache.internal:6380", "RELAY_CLUSTER_SEAT_TTL_SECONDS", "30"))).parseArgs();
        assertEquals("rediss://cache.internal:6380", fromEnvironment.cluster().redisUrl());
        assertEquals(Duration.ofSeconds(30), fromEnvironment.cluster().seatTtl());
        assertEquals(Duration.ofSeconds(1), fromEnvironment.cluster().heartbeat(), "at most one second");
    }

    @Test
    void aUrlThatIsNotRedisOrAnAbsurdTtlIsRefusedWithExitCode2() {
        assertEquals(2, new CommandLine(new RelayMain()).execute("--redis", "http://127.0.0.1:6379", "--port", "0"));
        assertEquals(2, new CommandLine(new RelayMain()).execute("--redis", "redis://127.0.0.1:6379",
                "--cluster-seat-ttl-seconds", "0.1", "--port", "0"));
    }
}
