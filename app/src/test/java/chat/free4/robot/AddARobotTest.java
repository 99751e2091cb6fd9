package chat.free4.robot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import chat.free4.session.RobotClaims;
import chat.free4.session.RobotLauncher;
import chat.free4.session.RoomAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * "Add a robot" from a room: the session starts a robot process for the room it is in; the robot
 * joins, says it is a robot hosting the chosen game and starts it; whoever added it removes it and
 * it leaves the room.
 */
class AddARobotTest {
    @Test
    void aRobotAddedToTheRoomJoinsHostsAndLeavesWhenRemoved() throws Exception {
        Espeak.require();
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> null)) {
            ada.join(relay.uri(), "den");
            RobotClaims claims = RobotClaims.follow(ada.peer.session.room().orElseThrow());
            try (RobotLauncher.RobotProcess robot = RobotLauncher.start(RoomAddress.relay(relay.uri().toString()), "den",
                    "guess", Optional.empty())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> ada.peer.engine.room().peers().stream()
                        .anyMatch(p -> claims.game(p.id()).equals(Optional.of("guess"))));
                await().atMost(Duration.ofSeconds(30)).until(() -> ada.robotLines.stream()
                        .anyMatch(l -> l.startsWith("Let's play guess the word.")));
                robot.remove();
                assertTrue(!robot.running(), "the robot's process ended");
                await().atMost(Duration.ofSeconds(30)).until(() -> ada.peer.engine.room().peers().isEmpty());
            }
            claims.close();
        }
    }
}
