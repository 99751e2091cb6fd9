package chat.free4.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.Main;
import chat.free4.testlan.ChildPeer;
import chat.free4.testlan.SimulatedLan;
import chat.free4.testlan.SimulatedLanExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code free4chat robot --lan} with no relay anywhere: on a simulated LAN (its own hosts, mDNS and
 * direct signaling), a robot and a {@code free4chat join --lan --chat} player find each other; the
 * player types the word, the robot scores it, says the scores and leaves.
 */
class RobotOnThisNetworkTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120); // child JVMs start slowly on a busy 2-core machine

    @RegisterExtension
    final SimulatedLanExtension lanExtension = new SimulatedLanExtension(2);

    @TempDir
    Path dir;

    @Test
    void aRobotHostsWordPracticeOnThisNetwork() throws Exception {
        Espeak.require();
        SimulatedLan lan = lanExtension.get();
        Path bank = Files.writeString(dir.resolve("words.txt"), "library\n");
        ChildPeer ada = lan.start(lan.host(0), "ada", Main.class.getName(), List.of("join", "--lan", "--interface", "lan0",
                "--room", "lan lessons", "--name", "Ada", "--chat", "--levels-every", "0"));
        ada.awaitLine("joined room \"lan lessons\" as Ada", TIMEOUT);
        ChildPeer robot = lan.start(lan.host(1), "robot", Main.class.getName(), List.of("robot", "--lan", "--interface", "lan0",
                "--room", "lan lessons", "--game", "words", "--bank", bank.toString(), "--answer-seconds", "60"));
        ada.awaitLine("Robot: connected", TIMEOUT);
        ada.awaitLine("\\] Robot: Word 1 of 1: listen and type it\\.$", TIMEOUT);
        ada.send("library");
        ada.awaitLine("\\] Robot: Right, Ada\\.$", TIMEOUT);
        ada.awaitLine("\\] Robot: Final scores: Ada 2\\. Ada wins\\.$", TIMEOUT);
        robot.awaitLine("game over: Final scores: Ada 2\\. Ada wins\\.", TIMEOUT);
        assertTrue(robot.awaitExit(TIMEOUT), "the robot leaves after the game");
        assertEquals(0, robot.process().exitValue(), robot.lines().toString());
        ada.awaitLine("- Robot left", TIMEOUT);
    }
}
