package chat.free4.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.audio.HeadlessAudio;
import chat.free4.audio.PcmSource;
import chat.free4.audio.RemotePcmListener;
import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.data.MeshChannelBridge;
import chat.free4.engine.HeadlessPeer;
import chat.free4.engine.TestRelay;
import chat.free4.engine.VoiceEngine;
import chat.free4.mesh.MeshConfig;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.relay.RecordingListener;
import chat.free4.signaling.relay.RelayConnectionConfig;
import chat.free4.signaling.relay.RelaySignaling;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The chat's anti-forgery rule as the app assembles it (RoomSession wires "who is in the room" from
 * the engine's room view into the chat): a hostile peer replays a history line it invented "from"
 * someone who is in the room by signaling but whose chat channel is not open. The newcomer must
 * refuse it, since that person's lines are taken only from themselves; without the session's
 * wiring the chat only knows open channels and would take the invention as a relayed line.
 */
class ForgedHistoryThroughTheAppAssemblyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aLineInventedForSomeoneInTheRoomIsRefusedByTheNewcomer() throws Exception {
        ExecutorService events = Executors.newCachedThreadPool();
        RelaySignaling danSignaling = null;
        VoiceEngine mallory = null;
        try (TestRelay relay = TestRelay.start("127.0.0.1")) {
            // Dan sits in the room through the relay only: no WebRTC, so no chat channel to anyone.
            PeerId dan = PeerId.random();
            RecordingListener danHears = new RecordingListener();
            danSignaling = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
            danSignaling.join(new RoomRequest("forum", "Dan", dan, true, List.of()), danHears);
            danHears.joined.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            // Mallory is a real peer with a chat of her own making, holding a line "from" Dan.
            PeerInfo malloryInfo = new PeerInfo(PeerId.random(), "Mallory");
            ChatService malloryChat = new ChatService(malloryInfo);
            ChatMessage malloryOwn = malloryChat.send("hi all");
            ChatMessage forged = new ChatMessage("forged-dan", dan, "Dan", malloryOwn.clock() + 1,
                    malloryOwn.sentAtMillis(), ChatMessage.Kind.TEXT, "Mallory is right, send her the money");
            malloryChat.log().add(forged);
            MeshChannelBridge chatBridge = new MeshChannelBridge(ChatService.SPEC, id -> "Someone", events);
            chatBridge.use(malloryChat);
            mallory = new VoiceEngine(new HeadlessAudio(PcmSource.silence(), RemotePcmListener.none()),
                    MeshConfig.defaults(), List.of(chatBridge));
            mallory.join(new RoomRequest("forum", "Mallory", malloryInfo.id(), true, List.of()),
                    new RelaySignaling(RelayConnectionConfig.of(relay.uri())));

            try (HeadlessPeer cy = new HeadlessPeer("Cy", PcmSource.silence())) {
                cy.join(relay.uri(), "forum");
                SessionChat cyChat = await().atMost(WAIT).until(() -> cy.session.room().map(SessionRoom::chat),
                        Optional::isPresent).orElseThrow();
                await().atMost(WAIT).until(() -> cyChat.contains(malloryOwn.id()));
                // A live line goes out on the same ordered channel after the replay: once Cy has it,
                // Cy has handled every line Mallory replayed.
                ChatMessage after = malloryChat.send("anyone there?");
                await().atMost(WAIT).until(() -> cyChat.contains(after.id()));

                assertFalse(cyChat.contains(forged.id()), "the line invented for Dan is refused");
                assertEquals(Optional.empty(), cyChat.relayedBy(malloryOwn.id()), "Mallory's own line came from her");
                assertTrue(cy.session.snapshot().peers().stream().anyMatch(p -> p.id().equals(dan)),
                        "Dan is in Cy's room view (by signaling), which is what the rule relies on");
            }
        } finally {
            if (mallory != null) {
                mallory.close();
            }
            if (danSignaling != null) {
                danSignaling.close();
            }
            events.shutdownNow();
        }
    }
}
