package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.relay.connection.ForwardedFor;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Behind a reverse proxy the per-address limit counts clients, not the proxy; only when told to. */
class ForwardedForTest {

    @Test
    void trustedProxyHeaderSeparatesClientsAndOnlyItsOwnEntryCounts() throws Exception {
        RelayConfig config = RelayFixture.loopback().withMaxConnectionsPerAddress(1).withTrustForwardedFor(true);
        try (RelayFixture f = new RelayFixture(config)) {
            TestClient first = f.connectForwardedFor("203.0.113.9, 198.51.100.1");
            TestClient second = f.connectForwardedFor("198.51.100.2");
            first.roundTrip();
            second.roundTrip();

            // The same client forging a different first entry is still 198.51.100.1 to the proxy.
            TestClient forged = f.connectForwardedFor("192.0.2.77, 198.51.100.1");
            forged.expectError("too_many_connections");
            assertEquals(1008, forged.awaitClose().code());
        }
    }

    @Test
    void withoutTrustTheHeaderIsIgnored() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxConnectionsPerAddress(1))) {
            TestClient first = f.connectForwardedFor("198.51.100.1");
            first.roundTrip();
            TestClient second = f.connectForwardedFor("198.51.100.2");
            second.expectError("too_many_connections");
            assertEquals(1008, second.awaitClose().code());
        }
    }

    @Test
    void onlyTheLastEntryAndOnlyIpLiteralsAreTaken() throws Exception {
        assertEquals(Optional.of(InetAddress.getByName("198.51.100.1")),
                ForwardedFor.lastHop(List.of("10.0.0.1", "203.0.113.9 , 198.51.100.1")));
        assertEquals(Optional.of(InetAddress.getByName("2001:db8::1")), ForwardedFor.lastHop(List.of("[2001:db8::1]")));
        assertEquals(Optional.of(InetAddress.getByName("2001:db8::2")), ForwardedFor.lastHop(List.of("1.2.3.4,2001:db8::2")));
        assertEquals(Optional.empty(), ForwardedFor.lastHop(List.of()));
        assertEquals(Optional.empty(), ForwardedFor.lastHop(null));
        assertEquals(Optional.empty(), ForwardedFor.lastHop(List.of("relay.example.com"))); // never a DNS lookup
        assertEquals(Optional.empty(), ForwardedFor.lastHop(List.of("999.1.1.1")));
        assertEquals(Optional.empty(), ForwardedFor.lastHop(List.of("198.51.100.1:4711")));
        assertEquals(Optional.empty(), ForwardedFor.lastHop(List.of("unknown")));
        assertEquals(Optional.empty(), ForwardedFor.lastHop(List.of("")));
    }
}
