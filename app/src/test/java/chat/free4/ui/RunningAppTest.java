package chat.free4.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.invite.InviteLink;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-instance channel alone: what it takes, what it refuses, and that a silent client cannot block it. */
class RunningAppTest {
    @TempDir
    Path configDir;

    private final List<InviteLink> followed = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private RunningApp listen() {
        return RunningApp.listen(configDir, invite -> {
            followed.add(invite);
            return CompletableFuture.completedFuture("Joining \"" + invite.room() + "\".");
        }, refused::add).orElseThrow();
    }

    @Test
    void nobodyListensUntilAnAppRuns() {
        assertEquals(Optional.empty(), RunningApp.handOver(configDir, "free4chat://lan?room=a"));
    }

    @Test
    void aValidLinkIsFollowedAndAHostileOneRefusedWithTheSameSentence() throws Exception {
        try (RunningApp app = listen()) {
            if (Files.getFileStore(configDir).supportsFileAttributeView("posix")) {
                assertEquals(PosixFilePermissions.fromString("rwx------"),
                        Files.getPosixFilePermissions(RunningApp.socketPath(configDir).getParent()), "only the user may enter");
            }
            String link = InviteLink.lan("kitchen").withSecret("s").format();
            assertEquals(Optional.of("Joining \"kitchen\"."), RunningApp.handOver(configDir, link));
            assertEquals(List.of(InviteLink.lan("kitchen").withSecret("s")), followed);

            Optional<String> bad = RunningApp.handOver(configDir, "free4chat://join?relay=file%3A%2F%2F%2Fetc&room=a");
            assertTrue(bad.orElseThrow().contains("ws:// or wss://"), bad.orElseThrow());
            Optional<String> lines = RunningApp.handOver(configDir, "free4chat://lan?room=a\nfree4chat://lan?room=b");
            assertEquals(Optional.of("Joining \"a\"."), lines, "one link per connection; the rest is never read");
            assertEquals(2, followed.size());
            assertEquals(1, refused.size(), refused.toString());
        }
        assertFalse(Files.exists(RunningApp.socketPath(configDir)), "closing removes the socket");
    }

    @Test
    void aClientThatSaysNothingIsDroppedAndTheNextOneServed() throws Exception {
        try (RunningApp app = listen();
             SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(RunningApp.socketPath(configDir)))) {
            silent.write(ByteBuffer.wrap("free4chat://lan?ro".getBytes(StandardCharsets.US_ASCII))); // and then nothing
            // Served after the silent one is cut off (a few seconds), not never.
            assertEquals(Optional.of("Joining \"next\"."), RunningApp.handOver(configDir, "free4chat://lan?room=next"));
            assertEquals(List.of(InviteLink.lan("next")), followed);
        }
    }

    @Test
    void aSocketLeftByACrashedAppIsTakenOver() throws Exception {
        Path socket = RunningApp.socketPath(configDir);
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "stale");
        try (RunningApp app = listen()) {
            assertEquals(Optional.of("Joining \"a\"."), RunningApp.handOver(configDir, "free4chat://lan?room=a"));
        }
    }

    @Test
    void aSecondAppOnTheSameFolderDoesNotStealTheChannel() {
        try (RunningApp first = listen()) {
            assertEquals(Optional.empty(), RunningApp.listen(configDir, i -> CompletableFuture.completedFuture("second"),
                    s -> { }));
            assertEquals(Optional.of("Joining \"a\"."), RunningApp.handOver(configDir, "free4chat://lan?room=a"));
        }
    }
}
