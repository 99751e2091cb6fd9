package chat.free4.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.Goertzel;
import chat.free4.audio.Pcm;
import chat.free4.audio.ToneGenerator;
import chat.free4.audio.WavReader;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import chat.free4.relay.config.RelayConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless command-line peer, run in-process against a real relay. */
class JoinCommandTest {
    @TempDir
    Path dir;

    /** Output of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOneSentence(Run run) {
        assertFalse(run.err().contains("Exception"), "no stack trace: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(run.err().isBlank(), "a sentence on stderr");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Run run = run("--version");
        assertEquals(0, run.code());
        String project = System.getProperty("f4c.projectVersion");
        assertTrue(project != null && !project.isBlank(), "surefire passes the project version (app/pom.xml)");
        assertTrue(run.out().strip().startsWith("free4chat " + project), "prints " + project + ": " + run.out());
    }

    @Test
    void missingRoomIsABadArgument() {
        Run run = run("join", "--relay", "ws://127.0.0.1:1/v1");
        assertEquals(ExitCodes.BAD_ARGUMENTS, run.code());
        assertTrue(run.err().contains("--room"), run.err());
        assertOneSentence(run);
    }

    @Test
    void toneAndPlayTogetherAreRefused() {
        Run run = run("join", "--relay", "ws://127.0.0.1:1/v1", "--room", "r", "--tone", "440", "--play", "x.wav");
        assertEquals(ExitCodes.BAD_ARGUMENTS, run.code());
        assertTrue(run.err().startsWith("Use either --tone or --play"), run.err());
        assertOneSentence(run);
    }

    @Test
    void notARelayAddressIsRefused() {
        Run run = run("join", "--relay", "http://example", "--room", "r");
        assertEquals(ExitCodes.BAD_ARGUMENTS, run.code());
        assertTrue(run.err().contains("is not a relay address"), run.err());
        assertOneSentence(run);
    }

    @Test
    void unreachableRelayEndsWithASentence() {
        TestRelay relay = TestRelay.start("127.0.0.1");
        String uri = relay.uri().toString();
        relay.close(); // nothing listens on that port any more
        Run run = run("join", "--relay", uri, "--room", "demo", "--seconds", "1");
        assertEquals(ExitCodes.RELAY_UNREACHABLE, run.code(), run.err());
        assertTrue(run.err().contains("cannot be reached"), run.err());
        assertOneSentence(run);
    }

    @Test
    void fullRoomEndsWithASentence() {
        try (TestRelay relay = TestRelay.start(RelayConfig.defaults().withBind("127.0.0.1").withPort(0).withMaxPeersPerRoom(1));
             HeadlessPeer alone = new HeadlessPeer("alone", new ToneGenerator(440, 0.2))) {
            alone.join(relay.uri(), "small");
            await().atMost(Duration.ofSeconds(10)).until(() -> alone.engine.room().signaling()
                    == chat.free4.signaling.SignalingState.JOINED);
            Run run = run("join", "--relay", relay.uri().toString(), "--room", "small", "--seconds", "1");
            assertEquals(ExitCodes.JOIN_REFUSED, run.code(), run.err());
            assertTrue(run.err().toLowerCase().contains("full"), run.err());
            assertOneSentence(run);
        }
    }

    @Test
    void botSendsItsToneRecordsWhatItHearsAndPrintsEvents() throws Exception {
        Path wav = dir.resolve("heard.wav");
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer alice = new HeadlessPeer("alice", new ToneGenerator(660, 0.3))) {
            alice.join(relay.uri(), "demo");
            // No --seconds: the bot stays until told to leave (its thread interrupted, as Ctrl-C would),
            // once it has heard alice for a while; a slow machine only makes the wait longer.
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AtomicInteger code = new AtomicInteger(-1);
            Thread bot = new Thread(() -> code.set(Cli.run(new String[] {"join", "--relay", relay.uri().toString(),
                    "--room", "demo", "--name", "bot", "--tone", "440", "--record", wav.toString(), "--levels-every", "500"},
                    new PrintWriter(out), new PrintWriter(err))), "bot");
            bot.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> alice.hears(440) > 0.05);
            // Level lines come at least 500 ms apart: six of them mean well over 2 s of alice recorded.
            await().atMost(Duration.ofSeconds(30)).until(() -> linesHearingAlice(out.toString()) >= 6);
            bot.interrupt();
            bot.join(Duration.ofSeconds(30).toMillis());
            assertFalse(bot.isAlive(), "the bot leaves when told to");
            Run run = new Run(code.get(), out.toString(), err.toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("joined room \"demo\" as bot"), run.out());
            assertTrue(run.out().contains("alice: connected"), run.out());
            assertTrue(run.out().contains("left the room"), run.out());
            assertTrue(run.out().contains("recorded to"), run.out());
            short[] heard = WavReader.read(wav);
            assertTrue(heard.length > Pcm.SAMPLE_RATE * 2, "2 s of alice and more recorded, got " + heard.length + " samples");
            short[] lastSecond = Arrays.copyOfRange(heard, heard.length - Pcm.SAMPLE_RATE, heard.length);
            assertTrue(Goertzel.amplitude(lastSecond, 660) > 0.05, "the recording holds alice's 660 Hz");
            assertTrue(Goertzel.amplitude(lastSecond, 440) < 0.01, "and not the bot's own 440 Hz");
            await().atMost(Duration.ofSeconds(10)).until(() -> alice.engine.room().peers().isEmpty());
        }
    }

    /** Level lines in which the bot hears alice clearly ("levels: alice 0.212"). */
    private static long linesHearingAlice(String out) {
        return java.util.regex.Pattern.compile("levels: alice (\\d\\.\\d{3})").matcher(out).results()
                .filter(m -> Double.parseDouble(m.group(1)) > 0.05).count();
    }

    @Test
    void roomsListsThePublicRoomsOfARelay() {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer host = new HeadlessPeer("host", new ToneGenerator(440, 0.2))) {
            host.join(relay.uri(), "lobby");
            await().atMost(Duration.ofSeconds(10)).until(() -> host.engine.room().signaling()
                    == chat.free4.signaling.SignalingState.JOINED);
            Run run = run("rooms", "--relay", relay.uri().toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().matches("(?s)lobby\\s+1 person.*"), run.out());
        }
    }

    @Test
    void roomsWithAnUnreachableRelayEndsWithASentence() {
        TestRelay relay = TestRelay.start("127.0.0.1");
        String uri = relay.uri().toString();
        relay.close();
        Run run = run("rooms", "--relay", uri);
        assertEquals(ExitCodes.RELAY_UNREACHABLE, run.code(), run.err());
        assertTrue(run.err().contains("cannot be reached"), run.err());
        assertOneSentence(run);
    }
}
