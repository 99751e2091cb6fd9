package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.relay.rooms.RoomPassword;
import chat.free4.relay.rooms.RoomRegistry;
import com.google.gson.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, password rooms on the relay (decision 0018): the creator registers an Ed25519
 * verifier, joiners sign a fresh challenge; the relay refuses wrong, missing and replayed answers
 * before any member hears of the joiner, and limits wrong answers per address and per room. The
 * app derives the key pair from the password; here any key pair stands for one.
 */
class PasswordRoomsTest {
    private RelayFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private static KeyPair keys() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static byte[] raw(KeyPair keys) {
        byte[] der = keys.getPublic().getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    /** Asks for a challenge and builds the join that answers it with {@code keys}. */
    private static JsonObject answeredJoin(TestClient c, String room, String name, String peerId, KeyPair keys)
            throws Exception {
        c.send("{\"type\":\"challenge\"}");
        JsonObject challenge = c.expect("challenge");
        assertEquals(30, challenge.get("expiresIn").getAsInt());
        byte[] nonce = Base64.getDecoder().decode(challenge.get("nonce").getAsString());
        assertEquals(32, nonce.length);
        return join(room, name, peerId, keys, nonce);
    }

    private static JsonObject join(String room, String name, String peerId, KeyPair keys, byte[] nonce)
            throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(RoomPassword.signedText(nonce, room, peerId));
        JsonObject password = new JsonObject();
        password.addProperty("verifier", Base64.getEncoder().encodeToString(raw(keys)));
        password.addProperty("proof", Base64.getEncoder().encodeToString(signer.sign()));
        JsonObject join = TestClient.joinMessage(room, name);
        join.addProperty("peerId", peerId);
        join.add("password", password);
        return join;
    }

    /** Proves nothing reached {@code member} since its last message. */
    private static void heardNothing(TestClient member) throws Exception {
        member.roundTrip();
        assertEquals(0, member.pending(), "a refused joiner must not reach the members");
    }

    @Test
    void theRightAnswerJoinsAndWrongOrMissingOnesAreRefusedBeforeAnyoneHears() throws Exception {
        f = new RelayFixture(RelayFixture.loopback());
        KeyPair room = keys();
        TestClient alice = f.connect();
        alice.send(answeredJoin(alice, "vault", "alice", "alice-0001", room));
        JsonObject joined = alice.expect("joined");
        assertFalse(joined.get("public").getAsBoolean(), "a password room is never listed");

        TestClient lurker = f.connect();
        lurker.send("{\"type\":\"list\"}");
        assertEquals(0, lurker.expect("rooms").get("total").getAsInt());
        lurker.send(TestClient.joinMessage("vault", "lurker"));
        lurker.expectError("password_required");
        lurker.send(answeredJoin(lurker, "vault", "lurker", "lurker-001", keys()));
        lurker.expectError("wrong_password");
        // The answer is bound to its peer id: the right key's signature for another id does not let this one in.
        JsonObject otherId = answeredJoin(lurker, "vault", "lurker", "lurker-001", room);
        otherId.addProperty("peerId", "lurker-002");
        lurker.send(otherId);
        lurker.expectError("wrong_password");
        heardNothing(alice);

        TestClient bob = f.connect();
        bob.send(answeredJoin(bob, "vault", "bob", "bob-000001", room));
        JsonObject bobJoined = bob.expect("joined");
        assertEquals("alice-0001", bobJoined.getAsJsonArray("peers").get(0).getAsJsonObject().get("peerId").getAsString());
        assertEquals("bob-000001", alice.expect("peer-joined").getAsJsonObject("peer").get("peerId").getAsString());
    }

    @Test
    void aCapturedAnswerIsWorthNothingForANewChallenge() throws Exception {
        f = new RelayFixture(RelayFixture.loopback());
        KeyPair room = keys();
        TestClient alice = f.connect();
        alice.send(answeredJoin(alice, "vault", "alice", "alice-0001", room));
        alice.expect("joined");

        // Bob's honest join, captured on its way (RawWebSocket sends exactly these bytes again).
        TestClient bob = f.connect();
        JsonObject captured = answeredJoin(bob, "vault", "bob", "bob-000001", room);
        bob.send(captured);
        bob.expect("joined");
        alice.expect("peer-joined");
        bob.send("{\"type\":\"leave\"}");
        bob.expect("left");
        alice.expect("peer-left");

        try (RawWebSocket mallory = RawWebSocket.open(f.relay.uri(), 0)) {
            mallory.sendText(captured.toString()); // no challenge at all
            assertEquals("bad_message", code(mallory.readText()));
            mallory.sendText("{\"type\":\"challenge\"}");
            assertEquals("challenge", com.google.gson.JsonParser.parseString(mallory.readText()).getAsJsonObject()
                    .get("type").getAsString());
            mallory.sendText(captured.toString()); // a fresh challenge, the old answer
            assertEquals("wrong_password", code(mallory.readText()));
        }
        // The same connection cannot answer its own challenge twice either.
        JsonObject again = answeredJoin(bob, "vault", "bob", "bob-000001", room);
        bob.send(again);
        bob.expect("joined");
        alice.expect("peer-joined");
        bob.send("{\"type\":\"leave\"}");
        bob.expect("left");
        alice.expect("peer-left");
        bob.send(again);
        bob.expectError("bad_message");
        heardNothing(alice);
    }

    private static String code(String frame) {
        JsonObject m = com.google.gson.JsonParser.parseString(frame).getAsJsonObject();
        assertEquals("error", m.get("type").getAsString(), frame);
        return m.get("code").getAsString();
    }

    @Test
    void wrongAnswersAreLimitedPerAddressEvenWhenTheNextOneIsRight() throws Exception {
        f = new RelayFixture(RelayFixture.loopback());
        KeyPair room = keys();
        TestClient alice = f.connect();
        alice.send(answeredJoin(alice, "vault", "alice", "alice-0001", room));
        alice.expect("joined");
        TestClient guesser = f.connect();
        for (int i = 0; i < RoomRegistry.ADDRESS_FAILURE_BURST; i++) {
            guesser.send(answeredJoin(guesser, "vault", "guesser", "guesser-01", keys()));
            guesser.expectError("wrong_password");
        }
        guesser.send(answeredJoin(guesser, "vault", "guesser", "guesser-01", keys()));
        JsonObject limited = guesser.expectError("too_many_attempts");
        int retryAfter = limited.get("retryAfter").getAsInt();
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "retryAfter " + retryAfter);
        // A guess that happens to be right is not let through (or told apart) while limited.
        guesser.send(answeredJoin(guesser, "vault", "guesser", "guesser-01", room));
        guesser.expectError("too_many_attempts");
        // Another connection from the same address shares the limit.
        TestClient second = f.connect();
        second.send(answeredJoin(second, "vault", "second", "second-001", room));
        second.expectError("too_many_attempts");
        heardNothing(alice);
    }

    @Test
    void wrongAnswersAreLimitedPerRoomFromManyAddresses() throws Exception {
        f = new RelayFixture(RelayFixture.loopback().withTrustForwardedFor(true));
        KeyPair room = keys();
        TestClient alice = f.connectForwardedFor("198.51.100.1");
        alice.send(answeredJoin(alice, "vault", "alice", "alice-0001", room));
        alice.expect("joined");
        int sent = 0;
        for (int a = 0; sent < RoomRegistry.ROOM_FAILURE_BURST; a++) {
            TestClient guesser = f.connectForwardedFor("203.0.113." + (a + 1));
            for (int i = 0; i < 4 && sent < RoomRegistry.ROOM_FAILURE_BURST; i++, sent++) {
                guesser.send(answeredJoin(guesser, "vault", "guesser", "guesser-01", keys()));
                guesser.expectError("wrong_password");
            }
            guesser.close();
        }
        TestClient fresh = f.connectForwardedFor("192.0.2.50");
        fresh.send(answeredJoin(fresh, "vault", "fresh", "fresh-0001", keys()));
        fresh.expectError("too_many_attempts");
        // Other rooms are not affected.
        fresh.send(answeredJoin(fresh, "other", "fresh", "fresh-0001", keys()));
        fresh.expect("joined");
        heardNothing(alice);
    }

    @Test
    void aPasswordCannotBeAddedToAnOpenRoomAndTheVerifierGoesWithTheRoom() throws Exception {
        f = new RelayFixture(RelayFixture.loopback());
        TestClient open = f.connect();
        open.join("lounge", "opener");
        TestClient late = f.connect();
        late.send(answeredJoin(late, "lounge", "late", "late-00001", keys()));
        late.expectError("not_password_protected");
        heardNothing(open);

        KeyPair first = keys();
        TestClient alice = f.connect();
        alice.send(answeredJoin(alice, "vault", "alice", "alice-0001", first));
        alice.expect("joined");
        alice.send("{\"type\":\"leave\"}");
        alice.expect("left");
        // The room was forgotten with its verifier: a new creator registers another one.
        KeyPair second = keys();
        alice.send(answeredJoin(alice, "vault", "alice", "alice-0001", second));
        alice.expect("joined");
        TestClient bob = f.connect();
        bob.send(answeredJoin(bob, "vault", "bob", "bob-000001", first));
        bob.expectError("wrong_password");
        bob.send(answeredJoin(bob, "vault", "bob", "bob-000001", second));
        bob.expect("joined");
    }
}
