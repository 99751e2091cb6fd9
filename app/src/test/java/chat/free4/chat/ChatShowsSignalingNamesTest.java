package chat.free4.chat;

import static chat.free4.chat.ChatFrames.frame;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.data.RawChannel;
import chat.free4.data.RtcTestRoom;
import chat.free4.peer.PeerInfo;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A peer's lines show the name signaling knows for that peer, whatever name its frames carry. */
class ChatShowsSignalingNamesTest {
    private final RtcTestRoom room = new RtcTestRoom();

    @AfterEach
    void closeRoom() {
        room.close();
    }

    @Test
    void aFrameCannotChooseTheNameItIsShownUnder() throws Exception {
        ChatService bob = new ChatService(RtcTestRoom.newPeerInfo("Bob"));
        PeerInfo mallory = RtcTestRoom.newPeerInfo("Mallory");
        RawChannel raw = new RawChannel("chat");
        room.connect(room.addPeer(mallory, raw), room.addPeer(bob.self(), bob));
        raw.opened().get(20, TimeUnit.SECONDS);
        String m = mallory.id().value();

        raw.sendText(frame("live-as-ada-1", m, "Ada", 1, "transfer the money", false));
        raw.sendText(frame("hist-as-ada-1", m, "Ada", 2, "I said so earlier", true));
        await().atMost(Duration.ofSeconds(20)).until(() -> bob.log().contains("live-as-ada-1")
                && bob.log().contains("hist-as-ada-1"));

        for (ChatMessage line : bob.log().lines()) {
            if (!line.isSystem()) {
                assertEquals("Mallory", line.senderName(), "line " + line.id());
            }
        }
    }

    /**
     * A line whose author left can only come relayed, with the frame's name (marked "shared by");
     * that name is cleaned of controls and bidi overrides before anyone sees it.
     */
    @Test
    void aRelayedLinesNameIsCleaned() throws Exception {
        ChatService bob = new ChatService(RtcTestRoom.newPeerInfo("Bob"));
        PeerInfo mallory = RtcTestRoom.newPeerInfo("Mallory");
        RawChannel raw = new RawChannel("chat");
        room.connect(room.addPeer(mallory, raw), room.addPeer(bob.self(), bob));
        raw.opened().get(20, TimeUnit.SECONDS);
        String leftAuthor = RtcTestRoom.newPeerInfo("Gone").id().value();

        raw.sendText(frame("relayed-0001", leftAuthor, "Eve\n\u202Enimda", 1, "old news", true));
        await().atMost(Duration.ofSeconds(20)).until(() -> bob.log().contains("relayed-0001"));

        ChatMessage line = bob.log().lines().stream().filter(m -> m.id().equals("relayed-0001")).findFirst().orElseThrow();
        assertEquals("Eve nimda", line.senderName());
        assertEquals(java.util.Optional.of("Mallory"), bob.relayedBy("relayed-0001"));
    }
}
