package chat.free4.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, seat squatting: when a peer's socket drops, another member must not take its peer id
 * or its name before the peer has had time to come back with its secret.
 */
class SeatSquattingTest {
    private RelayFixture f;

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private static JsonObject join(String name, String peerId, String secret) {
        JsonObject join = TestClient.joinMessage("demo", name);
        join.addProperty("peerId", peerId);
        if (secret != null) {
            join.addProperty("secret", secret);
        }
        return join;
    }

    @Test
    void aDroppedSeatStaysReservedForItsSecretAndItsOwnerComesBack() throws Exception {
        f = new RelayFixture(RelayFixture.loopback().withSeatGrace(Duration.ofSeconds(30)));
        TestClient alice = f.connect();
        alice.send(join("alice", "alice-0001", "s3cret-alice"));
        alice.expect("joined");
        TestClient mallory = f.connect();
        mallory.send(join("mallory", "mallory-01", "s3cret-mallory"));
        mallory.expect("joined");
        alice.expect("peer-joined");

        alice.close();
        alice.awaitClose();
        await().atMost(TestClient.WAIT).until(() -> f.relay.connections() == 1);
        mallory.send("{\"type\":\"leave\"}");
        mallory.expect("left");

        mallory.send(join("alice", "alice-0001", null));
        JsonObject refused = mallory.expectError("peer_id_taken");
        assertTrue(refused.has("retryAfter"), "the refusal says when the reservation ends: " + refused);
        int retryAfter = refused.get("retryAfter").getAsInt();
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "retryAfter " + retryAfter);
        mallory.send(join("alice", "mallory-02", null));
        mallory.expectError("name_taken");

        TestClient aliceAgain = f.connect();
        aliceAgain.send(join("alice", "alice-0001", "s3cret-alice"));
        JsonObject joined = aliceAgain.expect("joined");
        assertEquals("alice-0001", joined.get("peerId").getAsString());
        assertEquals(0, joined.getAsJsonArray("peers").size(), "mallory left, nobody else is here");
    }

    @Test
    void othersHearPeerLeftOnlyWhenTheGraceEnds() throws Exception {
        f = new RelayFixture(RelayFixture.loopback().withSeatGrace(Duration.ofMillis(1500)));
        TestClient bob = f.connect();
        bob.join("demo", "bob", "bob-00001");
        TestClient alice = f.connect();
        alice.send(join("alice", "alice-0001", "s3cret-alice"));
        alice.expect("joined");
        bob.expect("peer-joined");

        long dropped = System.nanoTime();
        alice.close();
        alice.awaitClose();
        JsonObject left = bob.expect("peer-left");
        long heldMillis = Duration.ofNanos(System.nanoTime() - dropped).toMillis();
        assertEquals("alice-0001", left.get("peerId").getAsString());
        assertTrue(heldMillis >= 1500, "peer-left came after " + heldMillis + " ms, before the grace ended");

        // The seat is free now: the id and the name can be used by someone else.
        TestClient carol = f.connect();
        carol.send(join("alice", "alice-0001", null));
        carol.expect("joined");
    }

    @Test
    void signalsToAReservedSeatAreDroppedWithoutAnError() throws Exception {
        f = new RelayFixture(RelayFixture.loopback().withSeatGrace(Duration.ofSeconds(30)));
        TestClient bob = f.connect();
        bob.join("demo", "bob", "bob-00001");
        TestClient alice = f.connect();
        alice.send(join("alice", "alice-0001", "s3cret-alice"));
        alice.expect("joined");
        bob.expect("peer-joined");
        alice.close();
        alice.awaitClose();
        await().atMost(TestClient.WAIT).until(() -> f.relay.connections() == 1);

        TestClient aliceAgain = f.connect();
        bob.send(TestClient.signal("alice-0001", TestClient.payload("offer", "lost")));
        bob.roundTrip();
        aliceAgain.send(join("alice", "alice-0001", "s3cret-alice"));
        aliceAgain.expect("joined");
        bob.send(TestClient.signal("alice-0001", TestClient.payload("offer", "kept")));
        assertEquals("kept", aliceAgain.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
        bob.roundTrip();
        assertEquals(0, bob.pending(), "bob saw neither peer-left nor peer-joined nor an error");
    }

    @Test
    void anExplicitLeaveFreesTheSeatAtOnce() throws Exception {
        f = new RelayFixture(RelayFixture.loopback().withSeatGrace(Duration.ofSeconds(30)));
        TestClient bob = f.connect();
        bob.join("demo", "bob", "bob-00001");
        TestClient alice = f.connect();
        alice.send(join("alice", "alice-0001", "s3cret-alice"));
        alice.expect("joined");
        bob.expect("peer-joined");
        alice.send("{\"type\":\"leave\"}");
        alice.expect("left");
        assertEquals("alice-0001", bob.expect("peer-left").get("peerId").getAsString());
    }
}
