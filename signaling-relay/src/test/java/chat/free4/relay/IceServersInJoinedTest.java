package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.relay.ice.IceConfig;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@code joined} carries the relay's STUN servers and TURN servers with per-peer coturn REST credentials. */
class IceServersInJoinedTest {
    private static final String SECRET = "shared-with-coturn-7f3a";

    private static IceConfig ice(Duration ttl) {
        return new IceConfig(List.of("stun:198.19.0.10:3478"),
                List.of("turn:198.19.0.10:3478?transport=udp", "turn:198.19.0.10:3478?transport=tcp"), SECRET, ttl);
    }

    /** Independent of the relay's code: what coturn computes for use-auth-secret. */
    private static String expectedCredential(String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void joinedCarriesStunAsIsAndTurnWithFreshRestApiCredentials() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withIce(ice(Duration.ofSeconds(600))))) {
            TestClient alice = f.connect();
            JsonObject join = TestClient.joinMessage("demo", "alice");
            join.addProperty("peerId", "alice-0001");
            join.addProperty("secret", "alice-secret-1");
            long before = Instant.now().getEpochSecond();
            alice.send(join);
            JsonObject joined = alice.expect("joined");
            long after = Instant.now().getEpochSecond();
            JsonArray servers = joined.getAsJsonArray("iceServers");
            assertEquals(3, servers.size());

            JsonObject stun = servers.get(0).getAsJsonObject();
            assertEquals("stun:198.19.0.10:3478", stun.get("urls").getAsString());
            assertFalse(stun.has("username"), "STUN needs no credentials");

            for (int i = 1; i <= 2; i++) {
                JsonObject turn = servers.get(i).getAsJsonObject();
                String username = turn.get("username").getAsString();
                String[] parts = username.split(":");
                assertEquals(2, parts.length, username);
                assertEquals("alice-0001", parts[1]);
                long expiry = Long.parseLong(parts[0]);
                assertTrue(expiry >= before + 600 && expiry <= after + 600, "expiry " + expiry + " is now + ttl");
                assertEquals(expectedCredential(username), turn.get("credential").getAsString());
            }
            assertEquals("turn:198.19.0.10:3478?transport=tcp", servers.get(2).getAsJsonObject().get("urls").getAsString());
            assertFalse(joined.toString().contains(SECRET), "the secret never leaves the relay");

            // A re-join (takeover after a dropped connection) gets credentials minted anew.
            String first = servers.get(1).getAsJsonObject().get("username").getAsString();
            long firstExpiry = Long.parseLong(first.split(":")[0]);
            TestClient again = f.connect();
            Instant wait = Instant.ofEpochSecond(firstExpiry - 600 + 1);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !Instant.now().isBefore(wait));
            again.send(join);
            JsonObject rejoined = again.expect("joined");
            JsonObject turn = rejoined.getAsJsonArray("iceServers").get(1).getAsJsonObject();
            String second = turn.get("username").getAsString();
            assertNotEquals(first, second, "a later join gets a later expiry");
            assertTrue(Long.parseLong(second.split(":")[0]) > firstExpiry);
            assertEquals(expectedCredential(second), turn.get("credential").getAsString());
        }
    }

    @Test
    void refreshIceMintsNewCredentialsForASeatedPeerOnly() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withIce(ice(Duration.ofSeconds(600))))) {
            TestClient bob = f.connect();
            JsonObject notYet = new JsonObject();
            notYet.addProperty("type", "refresh-ice");
            bob.send(notYet);
            assertEquals("refresh-ice", bob.expectError("not_joined").get("ref").getAsString());

            JsonObject joined = bob.join("demo", "bob", "bob-00001");
            String first = joined.getAsJsonArray("iceServers").get(1).getAsJsonObject().get("username").getAsString();
            long firstExpiry = Long.parseLong(first.split(":")[0]);
            Instant later = Instant.ofEpochSecond(firstExpiry - 600 + 1);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !Instant.now().isBefore(later));
            bob.send(notYet);
            JsonObject refreshed = bob.expect("ice-servers");
            JsonArray servers = refreshed.getAsJsonArray("iceServers");
            assertEquals(3, servers.size());
            JsonObject turn = servers.get(1).getAsJsonObject();
            String username = turn.get("username").getAsString();
            assertTrue(Long.parseLong(username.split(":")[0]) > firstExpiry, username + " expires later than " + first);
            assertEquals("bob-00001", username.split(":")[1]);
            assertEquals(expectedCredential(username), turn.get("credential").getAsString());
            assertFalse(refreshed.toString().contains(SECRET));
        }
    }

    @Test
    void withoutIceOptionsTheListIsEmpty() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback())) {
            TestClient bob = f.connect();
            JsonObject joined = bob.join("demo", "bob", "bob-00001");
            assertEquals(0, joined.getAsJsonArray("iceServers").size());
        }
    }

    @Test
    void badUrlsAndTurnWithoutSecretAreRefusedAtStart() {
        Duration hour = Duration.ofHours(1);
        assertThrows(IllegalArgumentException.class, () -> new IceConfig(List.of("198.19.0.10:3478"), List.of(), null, hour));
        assertThrows(IllegalArgumentException.class, () -> new IceConfig(List.of("turn:x.org"), List.of(), null, hour));
        assertThrows(IllegalArgumentException.class, () -> new IceConfig(List.of(), List.of("stun:x.org"), SECRET, hour));
        assertThrows(IllegalArgumentException.class, () -> new IceConfig(List.of(), List.of("turn:x.org?transport=sctp"), SECRET, hour));
        assertThrows(IllegalArgumentException.class, () -> new IceConfig(List.of(), List.of("turn:x.org:99999"), SECRET, hour));
        assertThrows(IllegalArgumentException.class, () -> new IceConfig(List.of(), List.of("turn:x.org"), null, hour));
        assertThrows(IllegalArgumentException.class, () -> new IceConfig(List.of(), List.of("turn:x.org"), SECRET, Duration.ZERO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IceConfig(List.of(), List.of("turn:x.org"), " ", hour));
        assertTrue(e.getMessage().contains("--turn-secret"), e.getMessage());
        assertEquals(List.of("turns:[2001:db8::1]:5349?transport=tcp"),
                new IceConfig(List.of(), List.of("turns:[2001:db8::1]:5349?transport=tcp"), SECRET, hour).turn());
    }
}
