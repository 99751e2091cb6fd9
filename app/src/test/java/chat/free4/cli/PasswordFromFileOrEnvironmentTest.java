package chat.free4.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.ToneGenerator;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import chat.free4.signaling.RoomPassword;
import chat.free4.signaling.SignalingState;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code free4chat join} takes a room's password from {@code --password-file} or
 * {@code FREE4CHAT_ROOM_PASSWORD}, never from its arguments; the right one gets into a password
 * room (its tone is heard), a wrong one ends with a sentence that says so.
 */
class PasswordFromFileOrEnvironmentTest {
    private static final String PASSWORD = "tr0ub4dor & 3";
    @TempDir
    Path dir;

    private static HeadlessPeer roomOwner(TestRelay relay) {
        HeadlessPeer alice = new HeadlessPeer("alice", new ToneGenerator(660, 0.3));
        alice.join(relay.uri(), "vault", RoomPassword.of(PASSWORD.toCharArray()));
        await().atMost(Duration.ofSeconds(15)).until(() -> alice.engine.room().signaling() == SignalingState.JOINED);
        return alice;
    }

    @Test
    void theRightPasswordFileGetsInAndAWrongOneIsRefusedWithASentence() throws Exception {
        Path right = dir.resolve("right.txt");
        Files.writeString(right, PASSWORD + "\n", StandardCharsets.UTF_8); // the line break is not part of it
        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, PASSWORD + "!", StandardCharsets.UTF_8);
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer alice = roomOwner(relay)) {
            JoinCommandTest.Run refused = JoinCommandTest.run("join", "--relay", relay.uri().toString(), "--room", "vault",
                    "--password-file", wrong.toString(), "--seconds", "1");
            assertEquals(ExitCodes.JOIN_REFUSED, refused.code(), refused.err());
            assertTrue(refused.err().contains("The password is wrong for this room."), refused.err());
            JoinCommandTest.Run missing = JoinCommandTest.run("join", "--relay", relay.uri().toString(), "--room",
                    "vault", "--seconds", "1");
            assertEquals(ExitCodes.JOIN_REFUSED, missing.code(), missing.err());
            assertTrue(missing.err().contains("This room needs a password."), missing.err());
            JoinCommandTest.Run noFile = JoinCommandTest.run("join", "--relay", relay.uri().toString(), "--room",
                    "vault", "--password-file", dir.resolve("none").toString());
            assertEquals(ExitCodes.BAD_ARGUMENTS, noFile.code(), noFile.err());
            assertFalse(alice.engine.room().peers().size() > 0, "nobody got in: " + alice.engine.room().peers());

            CompletableFuture<JoinCommandTest.Run> bot = CompletableFuture.supplyAsync(() -> JoinCommandTest.run("join",
                    "--relay", relay.uri().toString(), "--room", "vault", "--name", "bot", "--tone", "440",
                    "--password-file", right.toString(), "--seconds", "4"));
            await().atMost(Duration.ofSeconds(20)).until(() -> alice.hears(440) > 0.05);
            JoinCommandTest.Run run = bot.get(30, TimeUnit.SECONDS);
            assertEquals(0, run.code(), run.err());
            assertFalse((run.out() + run.err()).contains(PASSWORD), "the password is never printed");
        }
    }

    @Test
    void thePasswordCanComeFromTheEnvironment() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer alice = roomOwner(relay)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = dir.resolve("bot.log");
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "chat.free4.Main", "join", "--relay", relay.uri().toString(), "--room", "vault", "--name", "bot",
                    "--tone", "440", "--seconds", "6")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File("."));
            builder.environment().put(PasswordSource.ENVIRONMENT, PASSWORD);
            Process bot = builder.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> alice.hears(440) > 0.05);
                assertTrue(bot.waitFor(30, TimeUnit.SECONDS), "the bot leaves after its seconds");
                assertEquals(0, bot.exitValue(), Files.readString(log));
                assertFalse(Files.readString(log).contains(PASSWORD), "the password is never printed");
            } finally {
                bot.destroyForcibly();
            }
        }
    }
}
