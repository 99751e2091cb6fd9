package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTakeoverTest {
    private RelayFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new RelayFixture(RelayFixture.loopback());
    }

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
    void rejoinWithTheSameSecretTakesTheSeatOverAndClosesTheOldConnection() throws Exception {
        TestClient bob = f.connect();
        bob.join("demo", "bob", "bob-00001");
        TestClient alice = f.connect();
        alice.send(join("alice", "alice-0001", "s3cret-alice"));
        alice.expect("joined");
        bob.expect("peer-joined");

        TestClient aliceAgain = f.connect();
        aliceAgain.send(join("alice", "alice-0001", "s3cret-alice"));
        JsonObject joined = aliceAgain.expect("joined");
        assertEquals("alice-0001", joined.get("peerId").getAsString());
        assertEquals("bob-00001", joined.getAsJsonArray("peers").get(0).getAsJsonObject().get("peerId").getAsString());

        alice.expectError("session_replaced");
        TestClient.CloseStatus status = alice.awaitClose();
        assertEquals(1000, status.code());

        // Bob saw no peer-left: the call goes on. Signals reach the new connection.
        bob.send(TestClient.signal("alice-0001", TestClient.payload("offer", "x")));
        assertEquals("bob-00001", aliceAgain.expect("signal").get("from").getAsString());
        bob.roundTrip();
        assertEquals(0, bob.pending(), "bob got no peer-left or peer-joined");
        assertEquals(1, f.relay.rooms());
    }

    @Test
    void rejoinWithoutOrWithAWrongSecretIsRefusedAsPeerIdTaken() throws Exception {
        TestClient alice = f.connect();
        alice.send(join("alice", "alice-0001", "s3cret-alice"));
        alice.expect("joined");

        TestClient intruder = f.connect();
        intruder.send(join("mallory", "alice-0001", null));
        intruder.expectError("peer_id_taken");
        intruder.send(join("mallory", "alice-0001", "wrong-secret"));
        intruder.expectError("peer_id_taken");
        alice.roundTrip();
        assertEquals(true, alice.isOpen());

        TestClient noSecretOwner = f.connect();
        noSecretOwner.send(join("nosecret", "peer-nosecret", null));
        noSecretOwner.expect("joined");
        TestClient guess = f.connect();
        guess.send(join("guess", "peer-nosecret", "any-secret-1"));
        guess.expectError("peer_id_taken");
    }
}
