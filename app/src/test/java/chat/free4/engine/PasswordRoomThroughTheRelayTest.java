package chat.free4.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.ToneGenerator;
import chat.free4.signaling.RoomPassword;
import chat.free4.signaling.SignalingState;
import chat.free4.signaling.relay.RoomPasswordKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (decision 0018), real relay and real WebRTC peers: with the right password two peers
 * hear each other; a wrong or missing password is refused by the relay with its code and the room
 * never hears of that peer; and no frame any of them sent to the relay holds the password or the
 * key derived from it (every frame recorded through a proxy, uncompressed, and searched).
 */
class PasswordRoomThroughTheRelayTest {
    private static final double PRESENT = 0.05;
    private static final String PASSWORD = "correct horse battery staple";

    private static RoomPassword password(String text) {
        return RoomPassword.of(text.toCharArray());
    }

    @Test
    void theRightPasswordJoinsAndTheRelayNeverSeesThePasswordOrTheKey() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             RecordingRelayProxy proxy = new RecordingRelayProxy(relay.uri());
             HeadlessPeer alice = new HeadlessPeer("alice", new ToneGenerator(440, 0.3));
             HeadlessPeer bob = new HeadlessPeer("bob", new ToneGenerator(880, 0.3));
             HeadlessPeer carol = new HeadlessPeer("carol", new ToneGenerator(660, 0.3));
             HeadlessPeer dave = new HeadlessPeer("dave", new ToneGenerator(550, 0.3))) {
            alice.join(proxy.uri(), "vault", password(PASSWORD));
            await().atMost(Duration.ofSeconds(15)).until(() -> alice.engine.room().signaling() == SignalingState.JOINED);
            bob.join(proxy.uri(), "vault", password(PASSWORD));
            await().atMost(Duration.ofSeconds(15)).until(() -> alice.connectedTo(bob) && bob.connectedTo(alice));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertTrue(alice.hears(880) > PRESENT, "alice hears bob: " + alice.hears(880));
                assertTrue(bob.hears(440) > PRESENT, "bob hears alice: " + bob.hears(440));
            });

            carol.join(proxy.uri(), "vault", password("correct horse battery stapler"));
            dave.join(proxy.uri(), "vault");
            await().atMost(Duration.ofSeconds(15)).until(() -> carol.errorCodes.contains("wrong_password")
                    && dave.errorCodes.contains("password_required"));
            assertTrue(carol.errors.contains("The password is wrong for this room."), "carol is told: " + carol.errors);
            assertFalse(carol.engine.room().signaling() == SignalingState.JOINED || dave.engine.room().signaling() == SignalingState.JOINED, "neither got in");
            // Both refusals came after the relay decided; a peer-joined would have reached the room first.
            for (HeadlessPeer member : List.of(alice, bob)) {
                assertFalse(member.knows(carol) || member.knows(dave), member.name + " never heard of them");
                assertEquals(1, member.engine.room().peers().size(), member.name + " sees one other peer");
                assertTrue(member.errors.isEmpty(), member.name + ": " + member.errors);
            }

            String sent = proxy.allText() + String.join("", proxy.upgrades);
            byte[] verifier = RoomPasswordKeys.verifier(password(PASSWORD), proxy.uri(), "vault");
            assertTrue(sent.contains(Base64.getEncoder().encodeToString(verifier)),
                    "the recording holds the verifier, so it does see the joins");
            assertTrue(sent.contains("\"challenge\""), "the recording holds the challenges");
            byte[] seed = RoomPasswordKeys.seed(password(PASSWORD), proxy.uri(), "vault");
            for (String secret : List.of(PASSWORD, "correct horse", "battery staple",
                    Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)),
                    HexFormat.of().formatHex(PASSWORD.getBytes(StandardCharsets.UTF_8)),
                    Base64.getEncoder().encodeToString(seed), Base64.getUrlEncoder().encodeToString(seed),
                    Base64.getEncoder().withoutPadding().encodeToString(seed).substring(0, 20),
                    HexFormat.of().formatHex(seed), HexFormat.of().withUpperCase().formatHex(seed))) {
                assertFalse(sent.contains(secret), "a frame to the relay holds " + secret);
            }
            for (byte[] frame : proxy.clientFrames) {
                assertFalse(indexOf(frame, seed) >= 0, "a frame to the relay holds the raw private seed");
                assertFalse(indexOf(frame, PASSWORD.getBytes(StandardCharsets.UTF_8)) >= 0, "raw password");
            }
        }
    }

    @Test
    void aPasswordCannotJoinAnOpenRoomOfTheSameName() {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer alice = new HeadlessPeer("alice", new ToneGenerator(440, 0.3));
             HeadlessPeer bob = new HeadlessPeer("bob", new ToneGenerator(880, 0.3))) {
            alice.join(relay.uri(), "lounge");
            await().atMost(Duration.ofSeconds(15)).until(() -> alice.engine.room().signaling() == SignalingState.JOINED);
            bob.join(relay.uri(), "lounge", password(PASSWORD));
            await().atMost(Duration.ofSeconds(15)).until(() -> bob.errorCodes.contains("not_password_protected"));
            assertFalse(bob.engine.room().signaling() == SignalingState.JOINED);
            assertFalse(alice.knows(bob));
        }
    }

    @Test
    void peersReJoinAPasswordRoomAfterARelayRestartAndItStillKeepsStrangersOut() {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer alice = new HeadlessPeer("alice", new ToneGenerator(440, 0.3));
             HeadlessPeer bob = new HeadlessPeer("bob", new ToneGenerator(880, 0.3));
             HeadlessPeer carol = new HeadlessPeer("carol", new ToneGenerator(660, 0.3))) {
            alice.join(relay.uri(), "vault", password(PASSWORD));
            bob.join(relay.uri(), "vault", password(PASSWORD));
            await().atMost(Duration.ofSeconds(20)).until(() -> alice.connectedTo(bob) && bob.connectedTo(alice));

            relay.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> alice.engine.room().signaling() == SignalingState.RECONNECTING
                    && bob.engine.room().signaling() == SignalingState.RECONNECTING);
            relay.startAgain(); // a fresh relay: the room and its verifier are re-created by whoever comes back first
            await().atMost(Duration.ofSeconds(15)).until(() -> alice.engine.room().signaling() == SignalingState.JOINED
                    && bob.engine.room().signaling() == SignalingState.JOINED);
            assertEquals(1, alice.engine.room().peers().size(), "no duplicate after the re-join");
            for (HeadlessPeer p : List.of(alice, bob)) { // the relay said it was stopping, nothing else
                assertTrue(p.errorCodes.stream().allMatch("shutting_down"::equals), p.name + ": " + p.errorCodes);
            }

            carol.join(relay.uri(), "vault");
            await().atMost(Duration.ofSeconds(15)).until(() -> carol.errorCodes.contains("password_required"));
            assertFalse(alice.knows(carol) || bob.knows(carol));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
