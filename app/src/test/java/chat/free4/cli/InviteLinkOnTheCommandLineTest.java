package chat.free4.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.ToneGenerator;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import chat.free4.invite.InviteLink;
import chat.free4.signaling.RoomPassword;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code free4chat join LINK}: the link names the room, where it is, and (after #) its password. */
class InviteLinkOnTheCommandLineTest {

    @Test
    void aLinkWithThePasswordGetsIntoThePasswordRoom() throws Exception {
        String password = "tea at five";
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer host = new HeadlessPeer("host", new ToneGenerator(440, 0.2))) {
            host.join(relay.uri(), "parlour", RoomPassword.of(password.toCharArray()));
            String link = InviteLink.relay(relay.uri(), "parlour").withSecret(password).format();
            CompletableFuture<JoinCommandTest.Run> bot = CompletableFuture.supplyAsync(() ->
                    JoinCommandTest.run("join", link, "--name", "bot", "--seconds", "3", "--levels-every", "0"));
            await().atMost(Duration.ofSeconds(20)).until(() -> host.engine.room().peers().stream()
                    .anyMatch(p -> p.name().equals("bot")));
            JoinCommandTest.Run run = bot.get(30, TimeUnit.SECONDS);
            assertEquals(ExitCodes.OK, run.code(), run.err());
            assertTrue(run.out().contains("joined room \"parlour\" as bot"), run.out());
            assertFalse(run.out().contains(password) || run.err().contains(password), "the password is never printed");

            String wrong = InviteLink.relay(relay.uri(), "parlour").withSecret("coffee at six").format();
            JoinCommandTest.Run refused = JoinCommandTest.run("join", wrong, "--name", "eve", "--seconds", "1");
            assertEquals(ExitCodes.JOIN_REFUSED, refused.code(), refused.out() + refused.err());
            assertTrue(refused.err().toLowerCase().contains("password"), refused.err());
        }
    }

    @Test
    void aHostileLinkOrALinkWithARoomOfItsOwnIsRefusedInWords() {
        JoinCommandTest.Run hostile = JoinCommandTest.run("join", "free4chat://join?relay=http%3A%2F%2Fevil.example%2F&room=x");
        assertEquals(ExitCodes.BAD_ARGUMENTS, hostile.code());
        assertTrue(hostile.err().contains("ws:// or wss://"), hostile.err());
        assertFalse(hostile.err().contains("Exception"), hostile.err());

        JoinCommandTest.Run both = JoinCommandTest.run("join", "free4chat://lan?room=kitchen", "--room", "other");
        assertEquals(ExitCodes.BAD_ARGUMENTS, both.code());
        assertTrue(both.err().contains("already names the room"), both.err());
    }
}
