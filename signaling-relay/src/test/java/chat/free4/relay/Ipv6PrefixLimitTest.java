package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.relay.limits.AddressKey;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: per-address limits counted whole IPv6 addresses, and one host holds a whole /64. The
 * client addresses come from a trusted proxy's header here, so real loopback sockets can stand for
 * hosts anywhere.
 */
class Ipv6PrefixLimitTest {

    @Test
    void addressesOfOneIpv6Slash64ShareTheLimit() throws Exception {
        RelayConfig config = RelayFixture.loopback().withMaxConnectionsPerAddress(1).withTrustForwardedFor(true);
        try (RelayFixture f = new RelayFixture(config)) {
            TestClient first = f.connectForwardedFor("2001:db8:1:2::1");
            first.roundTrip();
            TestClient sameSlash64 = f.connectForwardedFor("2001:db8:1:2:ffff:ffff:ffff:fffe");
            sameSlash64.expectError("too_many_connections");
            assertEquals(1008, sameSlash64.awaitClose().code());

            TestClient nextSlash64 = f.connectForwardedFor("2001:db8:1:3::1");
            nextSlash64.roundTrip();
            TestClient ipv4 = f.connectForwardedFor("198.51.100.7");
            ipv4.roundTrip();
        }
    }

    @Test
    void keysAreTheSlash64ForIpv6AndTheAddressForIpv4() throws Exception {
        assertEquals(InetAddress.getByName("2001:db8:1:2::"), AddressKey.of(InetAddress.getByName("2001:db8:1:2:aaaa::9")));
        assertEquals(InetAddress.getByName("198.51.100.7"), AddressKey.of(InetAddress.getByName("198.51.100.7")));
        assertEquals(InetAddress.getByName("198.51.100.7"), AddressKey.of(InetAddress.getByName("::ffff:198.51.100.7")));
        assertEquals(InetAddress.getByName("::"), AddressKey.of(InetAddress.getByName("::1")));
    }
}
