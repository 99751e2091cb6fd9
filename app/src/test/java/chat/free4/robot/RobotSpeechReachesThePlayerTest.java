package chat.free4.robot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.session.RoomAddress;
import chat.free4.session.SessionSettings;
import chat.free4.signaling.RoomRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A robot hosts word practice through a real relay with two scripted players answering in the
 * chat over real WebRTC. Its voice reaches them: speech-band energy while it speaks, silence while
 * it waits for answers; and the scoreboard counts what they typed.
 */
class RobotSpeechReachesThePlayerTest {
    private static final long FRAME_NANOS = 10_000_000L;
    private static final int FRAME = ScriptedPlayer.sampleRate() / 100;

    @TempDir
    Path dir;

    @Test
    void robotSpeaksTheWordsAndScoresTheTypedAnswers() throws Exception {
        RecordingSpeech speech = new RecordingSpeech(Espeak.require());
        Path bank = Files.writeString(dir.resolve("words.txt"), "# three words\napple\nbicycle\nlibrary\n");
        List<String> words = List.of("apple", "bicycle", "library");
        List<String> bobTypes = List.of("apple", "bicycel", "lemonade"); // right, one letter off, wrong
        List<long[]> spoken = new CopyOnWriteArrayList<>();
        PeerId robotId = PeerId.random();
        Game game = Games.create("words", Optional.of(bank), Optional.of(3), Optional.of(Duration.ofSeconds(20)));
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             Robot robot = Robot.open(speech, SessionSettings.defaults(), (s, e) -> spoken.add(new long[] {s, e}));
             ScriptedPlayer ada = new ScriptedPlayer("Ada", line -> answer(line, words));
             ScriptedPlayer bob = new ScriptedPlayer("Bob", line -> answer(line, bobTypes))) {
            robot.join(RoomAddress.relay(relay.uri().toString()),
                    new RoomRequest("practice", "Robot", robotId, false, List.of()));
            ada.join(relay.uri(), "practice");
            bob.join(relay.uri(), "practice");
            await().atMost(Duration.ofSeconds(40)).until(() -> ada.connectedTo(bob) && bob.connectedTo(ada)
                    && ada.peer.engine.room().peers().size() == 2);
            CompletableFuture<Scoreboard> played = CompletableFuture.supplyAsync(() -> {
                try {
                    return robot.host(game, Duration.ofSeconds(30), line -> { });
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Scoreboard board = played.get(120, TimeUnit.SECONDS);

            assertEquals(6, board.points(ada.peer.id), "Ada typed every word right");
            assertEquals(3, board.points(bob.peer.id), "Bob: 2 + 1 + 0");
            String last = "Final scores: Ada 6, Bob 3. Ada wins.";
            await().atMost(Duration.ofSeconds(20)).until(() -> ada.robotLines.contains(last) && bob.robotLines.contains(last));
            assertTrue(ada.robotLines.contains("Word 2 of 3: listen and type it."), "the word itself is only spoken: " + ada.robotLines);
            assertTrue(ada.robotLines.stream().noneMatch(l -> l.contains("bicycle") && l.startsWith("Word")), ada.robotLines.toString());
            assertTrue(bob.robotLines.contains("Close, Bob. It is bicycle."), bob.robotLines.toString());
            assertTrue(bob.robotLines.contains("Not quite, Bob. It is library."), bob.robotLines.toString());

            assertSpeechWhileSpeaking(ada, robotId, spoken, speech.rendered);
            assertSilenceBetweenTurns(ada, robotId, spoken);
            robot.leave();
        }
    }

    /** The answer to a "Word N of M" line: the script's Nth entry. */
    static String answer(String robotLine, List<String> typed) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Word (\\d+) of \\d+: listen").matcher(robotLine);
        return m.find() ? typed.get(Integer.parseInt(m.group(1)) - 1) : null;
    }

    /**
     * Every sentence longer than 0.8 s is heard as it was sent: nearly every frame that carried voice
     * when it left the robot carries voice at the player, with most energy in the speech band. The
     * call's delay is measured per sentence (the first voiced frame sent against the first voiced
     * frame heard), so a slow machine shifts the window instead of cutting the sentence.
     */
    private static void assertSpeechWhileSpeaking(ScriptedPlayer player, PeerId robot, List<long[]> spoken, List<short[]> rendered) {
        assertEquals(rendered.size(), spoken.size(), "every rendered sentence went out once");
        int checked = 0;
        for (int i = 0; i < spoken.size(); i++) {
            short[] sent = rendered.get(i);
            if (sent.length < ScriptedPlayer.sampleRate() * 8 / 10) {
                continue;
            }
            long sentAt = spoken.get(i)[0];
            int firstVoiced = firstVoicedFrame(sent);
            long voicedSentAt = sentAt + firstVoiced * FRAME_NANOS;
            ScriptedPlayer.Frame onset = player.heardBetween(robot, voicedSentAt, voicedSentAt + 1_000_000_000L).stream()
                    .filter(f -> f.rms() > ScriptedPlayer.VOICE).findFirst().orElse(null);
            assertTrue(onset != null, "sentence " + i + "'s voice arrives within a second");
            long delay = onset.atNanos() - voicedSentAt;
            List<ScriptedPlayer.Frame> frames = player.heardBetween(robot, sentAt + delay, spoken.get(i)[1] + delay + FRAME_NANOS);
            assertTrue(frames.size() > 30, "frames arrive while the robot speaks: " + frames.size());
            long loud = frames.stream().filter(f -> f.rms() > ScriptedPlayer.VOICE).count();
            int voicedSent = voicedFrames(sent);
            assertTrue(loud >= voicedSent * 8 / 10, "sentence " + i + ": voice in " + loud + " frames heard of "
                    + voicedSent + " sent with voice (" + frames.size() + " frames heard, delay " + delay / 1_000_000 + " ms)");
            double share = ScriptedPlayer.speechBandShare(frames);
            assertTrue(share > 0.7, "speech band share " + share);
            checked++;
        }
        assertTrue(checked >= 5, "sentences checked: " + checked);
    }

    private static int firstVoicedFrame(short[] sent) {
        for (int f = 0; (f + 1) * FRAME <= sent.length; f++) {
            if (rms(sent, f) > ScriptedPlayer.VOICE) {
                return f;
            }
        }
        throw new AssertionError("the robot rendered a sentence without voice");
    }

    private static int voicedFrames(short[] sent) {
        int voiced = 0;
        for (int f = 0; (f + 1) * FRAME <= sent.length; f++) {
            voiced += rms(sent, f) > ScriptedPlayer.VOICE ? 1 : 0;
        }
        return voiced;
    }

    private static double rms(short[] pcm, int frame) {
        return new ScriptedPlayer.Frame(null, 0, java.util.Arrays.copyOfRange(pcm, frame * FRAME, (frame + 1) * FRAME)).rms();
    }

    /** The robot's voice, keeping every sentence it rendered in order (the table renders, speaks, then waits). */
    private static final class RecordingSpeech implements Speech {
        final List<short[]> rendered = new CopyOnWriteArrayList<>();
        private final Speech speech;

        RecordingSpeech(Speech speech) {
            this.speech = speech;
        }

        @Override
        public short[] render(String sentence) throws SpeechUnavailableException {
            short[] samples = speech.render(sentence);
            if (samples.length > 0) {
                rendered.add(samples);
            }
            return samples;
        }

        @Override
        public boolean available() {
            return speech.available();
        }

        @Override
        public String unavailableSentence() {
            return speech.unavailableSentence();
        }
    }

    /** While the robot waits for an answer (a gap between its sentences), the player hears silence. */
    private static void assertSilenceBetweenTurns(ScriptedPlayer player, PeerId robot, List<long[]> spoken) {
        int gaps = 0;
        for (int i = 0; i + 1 < spoken.size(); i++) {
            long from = spoken.get(i)[1] + 400_000_000L; // the end of the sentence is still on its way
            long to = spoken.get(i + 1)[0];
            if (to - from < 300_000_000L) {
                continue;
            }
            List<ScriptedPlayer.Frame> frames = player.heardBetween(robot, from, to);
            double loudest = frames.stream().mapToDouble(ScriptedPlayer.Frame::rms).max().orElse(0);
            assertTrue(loudest < 0.003, "silence between turns, loudest frame " + loudest);
            assertTrue(frames.size() > 10, "frames arrive between turns too: " + frames.size());
            gaps++;
        }
        assertTrue(gaps >= 3, "gaps checked: " + gaps);
    }
}
