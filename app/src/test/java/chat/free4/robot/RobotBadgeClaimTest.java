package chat.free4.robot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.session.RobotClaims;
import chat.free4.session.RoomAddress;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.RoomRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The room learns that a peer says it is a robot (its badge) from what that peer sends on its own
 * connection: the robot's claim names its game; a person's malformed or oversized claim is refused
 * and changes nothing.
 */
class RobotBadgeClaimTest {
    @Test
    void aPlayerSeesTheRobotsClaimAndRefusesMalformedOnes() throws Exception {
        PeerId robotId = PeerId.random();
        Game game = Games.create("words", Optional.empty(), Optional.of(1), Optional.of(Duration.ofSeconds(60)));
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             Robot robot = Robot.open(new EspeakSpeech("/nonexistent/espeak-ng"), SessionSettings.defaults(), (s, e) -> { });
             ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> null);
             ScriptedPlayer bob = new ScriptedPlayer("Bob", line -> null)) {
            robot.join(RoomAddress.relay(relay.uri().toString()),
                    new RoomRequest("badges", "Robot", robotId, false, List.of()));
            ada.join(relay.uri(), "badges");
            bob.join(relay.uri(), "badges");
            RobotClaims claims = RobotClaims.follow(ada.peer.session.room().orElseThrow());
            AtomicInteger changes = new AtomicInteger();
            claims.onChange(changes::incrementAndGet);
            CompletableFuture.runAsync(() -> {
                try {
                    robot.host(game, Duration.ofSeconds(60), line -> { });
                } catch (InterruptedException | RoomEmptyException e) {
                    // the test closes the room under it
                }
            });
            await().atMost(Duration.ofSeconds(40)).until(() -> claims.saysRobot(robotId));
            assertEquals(Optional.of("words"), claims.game(robotId));

            await().atMost(Duration.ofSeconds(40)).until(() -> bob.peer.session.room().orElseThrow().app()
                    .connectedPeers().contains(ada.peer.id));
            var bobApp = bob.peer.session.room().orElseThrow().app();
            int before = changes.get();
            bobApp.send(ada.peer.id, RobotClaims.TOPIC, "robot v1 game=WORDS; drop table".getBytes(StandardCharsets.UTF_8));
            bobApp.send(ada.peer.id, RobotClaims.TOPIC, ("robot v1 game=" + "a".repeat(100)).getBytes(StandardCharsets.UTF_8));
            // A valid line after the bad ones: once it is in, the bad ones (same channel, in order) were seen and refused.
            bobApp.send(ada.peer.id, RobotClaims.TOPIC, RobotClaims.claim("guess"));
            await().atMost(Duration.ofSeconds(20)).until(() -> claims.saysRobot(bob.peer.id));
            assertEquals(Optional.of("guess"), claims.game(bob.peer.id), "a claim, not a proof: Bob may say so too");
            assertEquals(before + 1, changes.get(), "the malformed claims changed nothing");
            assertFalse(claims.saysRobot(PeerId.random()));
            claims.close();
        }
    }
}
