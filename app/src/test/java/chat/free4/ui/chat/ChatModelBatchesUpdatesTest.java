package chat.free4.ui.chat;

import chat.free4.session.SessionChat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.chat.ChatMessage;
import chat.free4.chat.ChatService;
import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chat's UI model hands lines to the FX thread in batches: however many arrive while the FX
 * thread is busy, at most one update waits for it, and once it runs the list matches the log.
 * The "FX thread" here is a queue the test runs by hand, so nothing depends on timing.
 */
class ChatModelBatchesUpdatesTest {
    private static final PeerId BOB = new PeerId("bob-peer-0001");
    private final List<Runnable> fxQueue = new ArrayList<>();

    private static ChatMessage fromBob(int n) {
        return new ChatMessage(String.format("bob-%010d", n), BOB, "Bob", n + 1L, 0, ChatMessage.Kind.TEXT, "line " + n);
    }

    private void runFx() {
        List<Runnable> now = new ArrayList<>(fxQueue);
        fxQueue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void a100000LineFloodQueuesOneUpdate() {
        ChatService chat = new ChatService(new PeerInfo(new PeerId("ada-peer-0001"), "Ada"));
        ChatModel model = new ChatModel(new SessionChat(chat), fxQueue::add);
        for (int i = 0; i < 100_000; i++) {
            chat.log().add(fromBob(i));
        }
        assertEquals(1, fxQueue.size(), "updates waiting for the FX thread");
        runFx();
        assertEquals(chat.log().lines(), model.lines());

        // Later lines go the same way, in small batches too.
        chat.log().add(fromBob(100_000));
        chat.log().add(fromBob(100_001));
        assertEquals(1, fxQueue.size());
        runFx();
        assertEquals(chat.log().lines(), model.lines());
    }

    @Test
    void unreadCountsEveryLineOfABatchWhileCollapsed() {
        ChatService chat = new ChatService(new PeerInfo(new PeerId("ada-peer-0001"), "Ada"));
        ChatModel model = new ChatModel(new SessionChat(chat), fxQueue::add);
        model.collapsedProperty().set(true);
        for (int i = 0; i < 7; i++) {
            chat.log().add(fromBob(i));
        }
        chat.send("my own line does not count");
        runFx();
        assertEquals(7, model.unreadProperty().get());
        assertTrue(fxQueue.isEmpty());
        model.collapsedProperty().set(false);
        assertEquals(0, model.unreadProperty().get());
    }
}
