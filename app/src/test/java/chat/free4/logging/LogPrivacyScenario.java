package chat.free4.logging;

import static org.awaitility.Awaitility.await;

import chat.free4.audio.ToneGenerator;
import chat.free4.chat.ChatMessage;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import chat.free4.session.SessionChat;
import chat.free4.signaling.RoomPassword;
import chat.free4.ui.DesktopLauncher;
import java.time.Duration;

/**
 * The child JVM of {@link LogFileHoldsNoChatOrPasswordTest}: the desktop's own logging start, then
 * two real peers (sessions) meet in a password room on a relay on 127.0.0.1 and chat both ways.
 * Arguments: room password, chat text. Prints "scenario done" when both lines arrived.
 */
public final class LogPrivacyScenario {
    private LogPrivacyScenario() {
    }

    public static void main(String[] args) throws Exception {
        DesktopLauncher.diagnostics();
        String password = args[0];
        String text = args[1];
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             HeadlessPeer alice = new HeadlessPeer("alice", new ToneGenerator(440, 0.3));
             HeadlessPeer bob = new HeadlessPeer("bob", new ToneGenerator(880, 0.3))) {
            alice.join(relay.uri(), "lockers", RoomPassword.of(password.toCharArray()));
            bob.join(relay.uri(), "lockers", RoomPassword.of(password.toCharArray()));
            await().atMost(Duration.ofSeconds(30)).until(() -> alice.connectedTo(bob) && bob.connectedTo(alice)
                    && chat(alice).connectedPeers().size() == 1 && chat(bob).connectedPeers().size() == 1);
            ChatMessage there = chat(alice).send(text);
            await().atMost(Duration.ofSeconds(10)).until(() -> chat(bob).contains(there.id()));
            ChatMessage back = chat(bob).send("re: " + text);
            await().atMost(Duration.ofSeconds(10)).until(() -> chat(alice).contains(back.id()));
            System.out.println("scenario done");
        }
        System.exit(0); // leftover non-daemon threads of the native stack must not keep the JVM
    }

    private static SessionChat chat(HeadlessPeer peer) {
        return peer.session.room().orElseThrow().chat();
    }
}
