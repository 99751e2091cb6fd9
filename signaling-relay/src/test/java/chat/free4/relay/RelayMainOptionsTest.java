package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command-line option reaches the relay's configuration; no option means the documented default. */
class RelayMainOptionsTest {

    private static RelayConfig parse(String... args) {
        RelayMain main = new RelayMain();
        new CommandLine(main).parseArgs(args);
        return main.config();
    }

    @Test
    void noOptionsGiveTheDocumentedDefaults() {
        RelayConfig config = parse();
        // The one difference: a relay started from the command line serves /metrics on a known
        // loopback port; an embedded one (tests, tools) on a free one.
        RelayConfig defaults = RelayConfig.defaults().withMetrics("127.0.0.1", RelayConfig.DEFAULT_METRICS_PORT);
        assertEquals(defaults, config);
        assertEquals("::", config.bind());
        assertEquals(8443, config.port());
        assertEquals(64 * 1024, config.maxFrameBytes());
        assertEquals(50, config.rateBurst());
        assertEquals(20.0, config.ratePerSecond());
        assertEquals(8, config.maxPeersPerRoom());
        assertEquals(10_000, config.maxRooms());
        assertEquals(32, config.maxConnectionsPerAddress());
        assertEquals(Duration.ofSeconds(60), config.idleTimeout());
        assertFalse(config.tls());
    }

    @Test
    void everyOptionIsApplied() {
        RelayConfig config = parse("--port", "9000", "--bind", "127.0.0.1", "--tls-keystore", "relay.p12",
                "--tls-password", "s3cr3t-Pw", "--max-frame-bytes", "4096", "--rate-burst", "7", "--rate-per-second", "3.5",
                "--rate-violations", "9", "--max-peers-per-room", "4", "--max-rooms", "11",
                "--max-connections-per-address", "5", "--idle-timeout-seconds", "30", "--max-outbound-queue", "64",
                "--shutdown-grace-millis", "500", "--trust-forwarded-for");
        assertEquals("127.0.0.1", config.bind());
        assertEquals(9000, config.port());
        assertTrue(config.tls());
        assertEquals(Path.of("relay.p12"), config.tlsKeystore());
        assertEquals("s3cr3t-Pw", config.tlsPassword());
        assertEquals(4096, config.maxFrameBytes());
        assertEquals(7, config.rateBurst());
        assertEquals(3.5, config.ratePerSecond());
        assertEquals(9, config.rateViolationsBeforeClose());
        assertEquals(4, config.maxPeersPerRoom());
        assertEquals(11, config.maxRooms());
        assertEquals(5, config.maxConnectionsPerAddress());
        assertEquals(Duration.ofSeconds(30), config.idleTimeout());
        assertEquals(64, config.maxOutboundQueue());
        assertEquals(Duration.ofMillis(500), config.shutdownGrace());
        assertTrue(config.trustForwardedFor());
        assertFalse(config.toString().contains("s3cr3t-Pw"), "the password is never printed");
    }

    @Test
    void containerEnvironmentSetsOptionsIncludingFlags() {
        RelayMain main = new RelayMain();
        new CommandLine(main).setDefaultValueProvider(new chat.free4.relay.container.EnvironmentDefaults(
                java.util.Map.of("RELAY_TRUST_FORWARDED_FOR", "true", "RELAY_MAX_ROOMS", "5"))).parseArgs();
        assertTrue(main.config().trustForwardedFor());
        assertEquals(5, main.config().maxRooms());
        assertFalse(parse().trustForwardedFor(), "off unless asked for");
    }

    @Test
    void stunAndTurnOptionsAndTheirEnvironmentVariables() {
        RelayConfig config = parse("--stun", "stun:198.19.0.10:3478", "--stun", "stun:198.19.0.11",
                "--turn", "turn:198.19.0.10:3478?transport=udp,turn:198.19.0.10:3478?transport=tcp",
                "--turn-secret", "s3cr3t-turn", "--turn-ttl-seconds", "120");
        assertEquals(java.util.List.of("stun:198.19.0.10:3478", "stun:198.19.0.11"), config.ice().stun());
        assertEquals(java.util.List.of("turn:198.19.0.10:3478?transport=udp", "turn:198.19.0.10:3478?transport=tcp"),
                config.ice().turn());
        assertEquals("s3cr3t-turn", config.ice().turnSecret());
        assertEquals(Duration.ofSeconds(120), config.ice().turnTtl());
        assertFalse(config.toString().contains("s3cr3t-turn"), "the TURN secret is never printed");
        assertEquals(Duration.ofSeconds(3600), parse().ice().turnTtl(), "documented default");

        RelayMain main = new RelayMain();
        new CommandLine(main).setDefaultValueProvider(new chat.free4.relay.container.EnvironmentDefaults(java.util.Map.of(
                "RELAY_STUN", "stun:198.19.0.10:3478", "RELAY_TURN", "turn:198.19.0.10?transport=tcp,turns:198.19.0.10:5349",
                "RELAY_TURN_SECRET", "env-secret-1", "RELAY_TURN_TTL_SECONDS", "60"))).parseArgs();
        assertEquals(java.util.List.of("stun:198.19.0.10:3478"), main.config().ice().stun());
        assertEquals(java.util.List.of("turn:198.19.0.10?transport=tcp", "turns:198.19.0.10:5349"), main.config().ice().turn());
        assertEquals("env-secret-1", main.config().ice().turnSecret());
        assertEquals(Duration.ofSeconds(60), main.config().ice().turnTtl());
        assertFalse(new CommandLine(new RelayMain()).getUsageMessage().contains("env-secret-1"));
    }

    @Test
    void turnWithoutSecretOrABadUrlIsRefusedWithExitCode2() {
        assertEquals(2, new CommandLine(new RelayMain()).execute("--turn", "turn:198.19.0.10:3478", "--port", "0"));
        assertEquals(2, new CommandLine(new RelayMain()).execute("--stun", "198.19.0.10:3478", "--port", "0"));
    }

    @Test
    void impossibleValuesAreRefusedWithExitCode2() {
        assertEquals(2, new CommandLine(new RelayMain()).execute("--max-peers-per-room", "0"));
        assertEquals(2, new CommandLine(new RelayMain()).execute("--port", "70000"));
    }
}
