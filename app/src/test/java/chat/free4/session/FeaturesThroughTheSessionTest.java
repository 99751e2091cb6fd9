package chat.free4.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.chat.ChatMessage;
import chat.free4.engine.TestRelay;
import chat.free4.files.Sha256;
import chat.free4.files.TransferDirection;
import chat.free4.files.TransferState;
import chat.free4.files.TransferStatus;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomPassword;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.relay.RelayConnectionConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Chat, app data and a file between two real sessions that meet through a real relay. */
class FeaturesThroughTheSessionTest {

    /** A peer as the app builds it: a session (engine and every feature) on headless audio. */
    private static final class AppPeer implements AutoCloseable {
        final PeerInfo info;
        final RoomSession session = RoomSession.open(new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()),
                SessionSettings.defaults());
        final Map<UUID, TransferStatus> transfers = new ConcurrentHashMap<>();
        SessionRoom room;

        AppPeer(String name) {
            info = new PeerInfo(PeerId.random(), name);
        }

        void join(URI relay, String roomName, boolean withPassword) {
            RelayConnectionConfig config = new RelayConnectionConfig(relay, Duration.ofSeconds(15),
                    Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofSeconds(3));
            RoomRequest request = new RoomRequest(roomName, info.displayName(), info.id(), !withPassword, List.of());
            room = session.join(RoomAddress.relay(config),
                    withPassword ? request.withPassword(RoomPassword.of("quiet harbor 42".toCharArray())) : request);
            room.files().addListener(s -> transfers.put(s.id(), s));
        }

        @Override
        public void close() {
            session.close(); // closes the audio backend too
        }
    }

    /** In a password room the features get their channels only after the peers' password proof (decision 0019). */
    @ParameterizedTest(name = "password room: {0}")
    @ValueSource(booleans = {false, true})
    void chatAppDataAndFilesFlowThroughTheEngineMesh(boolean passwordRoom, @TempDir Path tmp) throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             AppPeer ada = new AppPeer("Ada");
             AppPeer bob = new AppPeer("Bob")) {
            ada.join(relay.uri(), "data-room", passwordRoom);
            bob.join(relay.uri(), "data-room", passwordRoom);
            await().atMost(Duration.ofSeconds(20)).until(() -> ada.room.chat().connectedPeers().size() == 1
                    && bob.room.chat().connectedPeers().size() == 1
                    && ada.room.files().connectedPeers().size() == 1
                    && bob.room.app().connectedPeers().size() == 1);

            ChatMessage hello = ada.room.chat().send("hello Bob :smile:");
            await().atMost(Duration.ofSeconds(10)).until(() -> bob.room.chat().contains(hello.id()));
            ChatMessage seen = bob.room.chat().lines().stream().filter(m -> m.id().equals(hello.id())).findFirst().orElseThrow();
            assertEquals("hello Bob \uD83D\uDE04", seen.text());
            assertEquals("Ada", seen.senderName());
            await().atMost(Duration.ofSeconds(10)).until(() -> bob.room.chat().lines().stream()
                    .anyMatch(m -> m.isSystem() && m.text().equals("Ada joined the room")));

            List<byte[]> strokes = new CopyOnWriteArrayList<>();
            bob.room.app().subscribe("whiteboard", (from, topic, payload) -> strokes.add(payload));
            ada.room.app().send(bob.info.id(), "whiteboard", new byte[] {1, 2, 3});
            await().atMost(Duration.ofSeconds(10)).until(() -> strokes.size() == 1);
            assertArrayEquals(new byte[] {1, 2, 3}, strokes.get(0));

            Path source = tmp.resolve("notes.bin");
            byte[] content = new byte[3 * 1024 * 1024 + 17];
            new Random(3).nextBytes(content);
            Files.write(source, content);
            TransferStatus offered = ada.room.files().offerTo(bob.info.id(), source);
            await().atMost(Duration.ofSeconds(10)).until(() -> bob.transfers.containsKey(offered.id()));
            assertEquals(TransferDirection.INCOMING, bob.transfers.get(offered.id()).direction());
            Path saved = tmp.resolve("from-ada.bin");
            bob.room.files().accept(offered.id(), saved);
            await().atMost(Duration.ofSeconds(30)).until(() -> ada.transfers.get(offered.id()).state() == TransferState.COMPLETED);
            assertEquals(Sha256.of(source), Sha256.of(saved));

            bob.session.leave().get();
            await().atMost(Duration.ofSeconds(15)).until(() -> ada.room.chat().lines().stream()
                    .anyMatch(m -> m.isSystem() && m.text().equals("Bob left the room")));
        }
    }
}
