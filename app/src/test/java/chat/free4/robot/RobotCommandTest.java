package chat.free4.robot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.cli.Cli;
import chat.free4.cli.ExitCodes;
import chat.free4.engine.TestRelay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code free4chat robot} run in-process against a real relay with scripted players (real peers
 * answering in the chat): whole games of each kind, a player leaving mid-game, the robot leaving
 * when the room empties, no voice, and bad input.
 */
class RobotCommandTest {
    private static final Duration CONNECT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    /** One run of the command on its own thread. */
    record Run(CompletableFuture<Integer> code, StringWriter out, StringWriter err) {
        String output() {
            return out.toString();
        }
    }

    static Run start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
                () -> Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
        return new Run(code, out, err);
    }

    private String[] robot(TestRelay relay, String room, String... more) {
        List<String> args = new ArrayList<>(List.of("robot", "--relay", relay.uri().toString(), "--room", room));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void wordsGameGoesOnWhenAPlayerLeavesMidGame() throws Exception {
        Espeak.require();
        Path bank = Files.writeString(dir.resolve("words.txt"), "apple\nlibrary\n");
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> RobotSpeechReachesThePlayerTest.answer(line, List.of("apple", "library")));
             ScriptedPlayer bob = new ScriptedPlayer("Bob", line -> RobotSpeechReachesThePlayerTest.answer(line, List.of("appel", "x")))) {
            ada.join(relay.uri(), "lessons");
            bob.join(relay.uri(), "lessons");
            await().atMost(CONNECT).until(() -> ada.connectedTo(bob));
            Run run = start(robot(relay, "lessons", "--game", "words", "--bank", bank.toString(), "--rounds", "2",
                    "--answer-seconds", "30"));
            await().atMost(Duration.ofSeconds(60)).until(() -> bob.robotLines.contains("Close, Bob. It is apple."));
            bob.close(); // leaves before word 2: the robot must not wait 30 seconds for him

            assertEquals(ExitCodes.OK, run.code().get(25, TimeUnit.SECONDS), run.err().toString());
            assertTrue(run.output().contains("game over: Final scores: Ada 4, Bob 1. Ada wins."), run.output());
            assertTrue(ada.robotLines.contains("Final scores: Ada 4, Bob 1. Ada wins."), ada.robotLines.toString());
            assertTrue(run.output().contains("left the room"), run.output());
        }
    }

    @Test
    void interviewSumsUpAndTheRobotLeavesWhenTheRoomEmpties() throws Exception {
        Espeak.require();
        Path bank = Files.writeString(dir.resolve("questions.txt"), "# two questions\nTell me about yourself.\nWhat is a hash map?\n");
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> line.startsWith("Question") ? "I build voice apps." : null)) {
            ada.join(relay.uri(), "interview");
            Run run = start(robot(relay, "interview", "--game", "interview", "--bank", bank.toString(), "--answer-seconds", "30"));
            await().atMost(Duration.ofSeconds(90)).until(() -> ada.robotLines.stream().anyMatch(l -> l.startsWith("That is the end")));
            String summary = ada.robotLines.stream().filter(l -> l.startsWith("That is the end")).findFirst().orElseThrow();
            assertTrue(summary.matches("That is the end of the interview\\. Ada answered 2 of 2 questions, in \\d+ seconds? on average\\."), summary);
            assertTrue(ada.robotLines.contains("Question 2: What is a hash map?"), ada.robotLines.toString());
            assertEquals(ExitCodes.OK, run.code().get(30, TimeUnit.SECONDS));
            assertFalse(run.output().contains("I build voice apps"), "the robot does not print what players say: " + run.output());
        }
        // A second game: Ada answers the first question, then leaves; the robot leaves too, at once.
        try (TestRelay relay = TestRelay.start("127.0.0.1")) {
            ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> line.startsWith("Question") ? "I build voice apps." : null);
            ada.join(relay.uri(), "interview");
            Run run = start(robot(relay, "interview", "--game", "interview", "--bank", bank.toString(), "--answer-seconds", "60"));
            await().atMost(Duration.ofSeconds(60)).until(() -> ada.robotLines.contains("Thank you, Ada."));
            ada.close();
            assertEquals(ExitCodes.OK, run.code().get(25, TimeUnit.SECONDS), run.err().toString());
            assertTrue(run.output().contains("Nobody is left to play with; the robot leaves the room."), run.output());
        }
    }

    @Test
    void guessTheWordGivesMorePointsForFewerClues() throws Exception {
        Espeak.require();
        Path bank = Files.writeString(dir.resolve("guess.txt"),
                "moon | It changes shape | It pulls the sea | It shines at night\nclock | It has hands | It tells the time\n");
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> line.equals("Clue 2: It pulls the sea") ? "moon" : null);
             ScriptedPlayer bob = new ScriptedPlayer("Bob", line -> line.equals("Clue 1: It changes shape") ? "sun"
                     : line.equals("Clue 1: It has hands") ? "Clock!" : null)) {
            ada.join(relay.uri(), "guessing");
            bob.join(relay.uri(), "guessing");
            await().atMost(CONNECT).until(() -> ada.connectedTo(bob));
            Run run = start(robot(relay, "guessing", "--game", "guess", "--bank", bank.toString(), "--answer-seconds", "24"));
            assertEquals(ExitCodes.OK, run.code().get(120, TimeUnit.SECONDS), run.err().toString());
            // moon on the 2nd of 3 clues: 2 points; clock on the 1st of 2: 2 points; a tie.
            assertTrue(run.output().contains("robot: Ada got it: moon. 2 points."), run.output());
            assertTrue(run.output().contains("robot: Bob got it: clock. 2 points."), run.output());
            assertTrue(run.output().contains("game over: Final scores: Ada 2, Bob 2. A tie between Ada and Bob."), run.output());
        }
    }

    @Test
    void withoutTheSpeechProgramTheRobotSaysSoAndPlaysInTheChat() throws Exception {
        Path bank = Files.writeString(dir.resolve("words.txt"), "apple\n");
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> line.equals("Word 1 of 1: apple.") ? "apple" : null)) {
            ada.join(relay.uri(), "quiet");
            Run run = start(robot(relay, "quiet", "--game", "words", "--bank", bank.toString(),
                    "--speech-program", dir.resolve("no-such-espeak").toString()));
            assertEquals(ExitCodes.OK, run.code().get(60, TimeUnit.SECONDS), run.err().toString());
            String sentence = "I cannot speak here: the text-to-speech program espeak-ng is not installed, "
                    + "so I will write everything in the chat instead.";
            assertTrue(run.err().toString().contains(sentence), run.err().toString());
            assertTrue(ada.robotLines.contains(sentence), ada.robotLines.toString());
            assertTrue(ada.robotLines.contains("Final scores: Ada 2. Ada wins."), ada.robotLines.toString());
            assertTrue(ada.heard.stream().noneMatch(f -> f.rms() > ScriptedPlayer.VOICE), "no voice was sent");
        }
    }

    @Test
    void badInputIsOneSentenceAndNoJoin() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing here\n\n");
        Run unknown = start("robot", "--relay", "ws://127.0.0.1:1/v1", "--room", "r", "--game", "chess");
        assertEquals(ExitCodes.BAD_ARGUMENTS, unknown.code().get(10, TimeUnit.SECONDS));
        assertEquals("There is no game called \"chess\". The games are: words, interview, guess, draw.",
                unknown.err().toString().strip());
        Run noQuestions = start("robot", "--relay", "ws://127.0.0.1:1/v1", "--room", "r", "--game", "interview",
                "--bank", empty.toString());
        assertEquals(ExitCodes.BAD_ARGUMENTS, noQuestions.code().get(10, TimeUnit.SECONDS));
        assertEquals("The question bank " + empty + " has no questions in it.", noQuestions.err().toString().strip());
        Run missing = start("robot", "--relay", "ws://127.0.0.1:1/v1", "--room", "r", "--game", "words",
                "--bank", dir.resolve("gone.txt").toString());
        assertEquals(ExitCodes.BAD_ARGUMENTS, missing.code().get(10, TimeUnit.SECONDS));
        assertEquals("There is no question bank " + dir.resolve("gone.txt") + ".", missing.err().toString().strip());
        Path badGuess = Files.writeString(dir.resolve("guess.txt"), "moon\n");
        Run noClues = start("robot", "--relay", "ws://127.0.0.1:1/v1", "--room", "r", "--game", "guess",
                "--bank", badGuess.toString());
        assertEquals(ExitCodes.BAD_ARGUMENTS, noClues.code().get(10, TimeUnit.SECONDS));
        assertTrue(noClues.err().toString().startsWith("Each line of a guessing bank needs a word and at least one clue"),
                noClues.err().toString());
        Run zero = start("robot", "--relay", "ws://127.0.0.1:1/v1", "--room", "r", "--game", "words", "--rounds", "0");
        assertEquals(ExitCodes.BAD_ARGUMENTS, zero.code().get(10, TimeUnit.SECONDS));
        assertEquals("The number of rounds must be between 1 and 50.", zero.err().toString().strip());
    }
}
