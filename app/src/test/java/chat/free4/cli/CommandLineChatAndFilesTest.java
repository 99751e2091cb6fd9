package chat.free4.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.Main;
import chat.free4.engine.TestRelay;
import chat.free4.files.Sha256;
import chat.free4.testlan.ChildPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code free4chat join} processes chat and share a file through a real relay: stdin lines
 * become chat messages, the other prints them, {@code --send-file} offers, {@code --accept-files}
 * takes the file, and the saved bytes hash like the original.
 */
class CommandLineChatAndFilesTest {
    private static final Duration CONNECT = Duration.ofSeconds(40);
    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void twoCommandLinePeersChatAndShareAFile() throws Exception {
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path notes = outbox.resolve("notes.bin");
        byte[] content = new byte[2 * 1024 * 1024 + 5];
        new Random(13).nextBytes(content);
        Files.write(notes, content);
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             ChildPeer ada = join("ada", relay, "--chat", "--send-file", notes.toString());
             ChildPeer bob = join("bob", relay, "--chat", "--accept-files", inbox.toString())) {
            ada.awaitLine("bob: connected", CONNECT);
            bob.awaitLine("ada: connected", CONNECT);

            ada.send("hello bob, this is ada");
            bob.awaitLine("\\] ada: hello bob, this is ada$", STEP);
            bob.send("hi ada");
            ada.awaitLine("\\] bob: hi ada$", STEP);

            Matcher received = bob.awaitLine("received notes\\.bin from ada into (.+)$", Duration.ofSeconds(60));
            assertEquals(inbox.resolve("notes.bin").toString(), received.group(1));
            assertEquals(Sha256.of(notes), Sha256.of(inbox.resolve("notes.bin")));
            ada.awaitLine("sent notes\\.bin to bob$", STEP);
            assertEquals(1, count(ada, "offered notes.bin to bob"), "offered once: " + ada.lines());
            assertEquals(1, count(bob, "receiving notes.bin from ada"), "accepted once: " + bob.lines());
            assertEquals(0, count(ada, "ada: hello bob"), "my own line is not printed back to me: " + ada.lines());
        }
    }

    private ChildPeer join(String name, TestRelay relay, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("join", "--relay", relay.uri().toString(),
                "--room", "cli-chat", "--name", name, "--levels-every", "0"));
        args.addAll(List.of(extra));
        return ChildPeer.startJava(name, Main.class.getName(), args);
    }

    private static long count(ChildPeer peer, String text) {
        return peer.lines().stream().filter(l -> l.contains(text)).count();
    }
}
