package chat.free4.robot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.board.guess.DrawAndGuessHost;
import chat.free4.cli.ExitCodes;
import chat.free4.engine.TestRelay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code free4chat robot --game draw} in-process against a real relay, with three scripted players
 * (real peers): the robot deals the drawer in turn and sends each word to its drawer alone (app
 * data), reads the guesses in the chat, names the first right guesser, and ends with the scores. In
 * round 4 the drawer leaves mid-round: the round ends at once (not after its 60 s) and round 5 goes on.
 */
class DrawAndGuessRobotTest {
    private static final List<String> WORDS = List.of("apple", "house", "moon", "tree", "fish");
    private static final Pattern ROUND = Pattern.compile("Round (\\d+) of 5: (\\S+) draws\\..*");

    @TempDir
    Path dir;

    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final List<String> names = List.of("Ada", "Bob", "Cy");

    /** The player who guesses right in a round: the first by name who is neither the drawer nor gone. */
    private String guesser(String drawer) {
        return names.stream().filter(n -> !n.equals(drawer) && !gone.contains(n)).sorted().findFirst().orElseThrow();
    }

    /**
     * A player's script: the drawer types the word too (which cannot count), the guesser of the round
     * types it in capitals with a "!", the other types a wrong guess. Nobody guesses in round 4.
     */
    private String answer(String me, String line) {
        Matcher m = ROUND.matcher(line);
        if (!m.matches()) {
            return null;
        }
        int round = Integer.parseInt(m.group(1));
        String drawer = m.group(2);
        String word = WORDS.get(round - 1);
        if (round == 4) {
            return null;
        }
        if (me.equals(drawer)) {
            return word;
        }
        return me.equals(guesser(drawer)) ? word.toUpperCase() + "!" : "banana";
    }

    @Test
    void theDrawerAloneGetsTheWordTheFirstGuesserScoresAndALeavingDrawerDoesNotStallTheGame() throws Exception {
        Path bank = Files.writeString(dir.resolve("draw.txt"), "# five words\n" + String.join("\n", WORDS) + "\n");
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> answer("Ada", line));
             ScriptedPlayer bob = new ScriptedPlayer("Bob", line -> answer("Bob", line));
             ScriptedPlayer cy = new ScriptedPlayer("Cy", line -> answer("Cy", line))) {
            Map<String, ScriptedPlayer> players = Map.of("Ada", ada, "Bob", bob, "Cy", cy);
            Map<String, List<String>> secrets = new ConcurrentHashMap<>();
            for (String name : names) {
                ScriptedPlayer p = players.get(name);
                p.join(relay.uri(), "drawing");
                secrets.put(name, new CopyOnWriteArrayList<>());
                p.peer.session.room().orElseThrow().app().subscribe(DrawAndGuessHost.TOPIC, (from, topic, payload) -> {
                    if (payload.length > 0) { // an empty one ends the drawer's turn
                        secrets.get(name).add(from.displayName() + ":" + new String(payload, StandardCharsets.UTF_8));
                    }
                });
            }
            await().atMost(Duration.ofSeconds(40)).until(() -> ada.connectedTo(bob) && ada.connectedTo(cy) && bob.connectedTo(cy));

            RobotCommandTest.Run run = RobotCommandTest.start("robot", "--relay", relay.uri().toString(), "--room", "drawing",
                    "--game", "draw", "--bank", bank.toString(), "--rounds", "5", "--answer-seconds", "60",
                    "--speech-program", dir.resolve("no-such-espeak").toString());

            // Rounds 1-3: everyone draws once, in the robot's order; each right guess is named.
            List<String> drawers = new ArrayList<>();
            for (int round = 1; round <= 3; round++) {
                String drawer = awaitRound(ada, round);
                drawers.add(drawer);
                String expected = guesser(drawer) + " guessed it first: " + WORDS.get(round - 1) + ". 2 points to "
                        + guesser(drawer) + " and 1 to " + drawer + ".";
                await().atMost(Duration.ofSeconds(30)).until(() -> ada.robotLines.contains(expected));
            }
            assertEquals(Set.copyOf(names), Set.copyOf(drawers), "each player draws once in three rounds: " + drawers);

            // Round 4: the first drawer's turn again; they leave mid-round.
            String leaver = awaitRound(ada, 4);
            assertEquals(drawers.get(0), leaver, "the drawer rotates");
            await().atMost(Duration.ofSeconds(20)).until(() -> secrets.get(leaver).size() == 2);
            gone.add(leaver);
            players.get(leaver).close();
            ScriptedPlayer watcher = players.get(drawers.get(1));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    watcher.robotLines.contains(leaver + " left, so this round ends. The word was tree."));

            // Round 5: the second drawer again, guessed by the one player left.
            assertEquals(drawers.get(1), awaitRound(watcher, 5));
            assertEquals(ExitCodes.OK, run.code().get(60, TimeUnit.SECONDS), run.err().toString());

            // Only the drawer got each word, from the robot, in order.
            assertEquals(List.of("Robot:apple", "Robot:tree"), secrets.get(drawers.get(0)));
            assertEquals(List.of("Robot:house", "Robot:fish"), secrets.get(drawers.get(1)));
            assertEquals(List.of("Robot:moon"), secrets.get(drawers.get(2)));

            Scoreboard expected = new Scoreboard();
            names.forEach(n -> expected.join(new Player(players.get(n).peer.id, n)));
            gone.clear();
            int[] rounds = {1, 2, 3, 5};
            for (int round : rounds) {
                String drawer = drawers.get((round - 1) % 3);
                if (round == 5) {
                    gone.add(leaver);
                }
                String winner = guesser(drawer);
                expected.add(new Player(players.get(winner).peer.id, winner), 2);
                expected.add(new Player(players.get(drawer).peer.id, drawer), 1);
            }
            String sentence = expected.sentence();
            assertTrue(run.output().contains("game over: " + sentence), sentence + " in " + run.output());
            assertTrue(watcher.robotLines.contains(sentence), watcher.robotLines.toString());
            assertTrue(run.output().contains("left the room"), run.output());
        }
    }

    /** Waits for "Round N of 5: X draws." and returns X. */
    private static String awaitRound(ScriptedPlayer watcher, int round) {
        String prefix = "Round " + round + " of 5: ";
        await().atMost(Duration.ofSeconds(30)).until(() -> watcher.robotLines.stream().anyMatch(l -> l.startsWith(prefix)));
        String line = watcher.robotLines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        Matcher m = ROUND.matcher(line);
        assertTrue(m.matches(), line);
        return m.group(2);
    }

    @Test
    void aBankLineWithCluesIsOneSentenceAndNoJoin() throws Exception {
        Path bank = Files.writeString(dir.resolve("clues.txt"), "moon | it shines at night\n");
        RobotCommandTest.Run run = RobotCommandTest.start("robot", "--relay", "ws://127.0.0.1:1/v1", "--room", "r",
                "--game", "draw", "--bank", bank.toString());
        assertEquals(ExitCodes.BAD_ARGUMENTS, run.code().get(10, TimeUnit.SECONDS));
        assertEquals("A draw-and-guess bank has one word a line, without |: \"moon | it shines at night\".",
                run.err().toString().strip());
    }
}
