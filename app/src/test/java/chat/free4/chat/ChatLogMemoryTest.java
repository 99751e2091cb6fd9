package chat.free4.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import org.junit.jupiter.api.Test;

/** However many lines a room sees, the log remembers a bounded number of them, ids included. */
class ChatLogMemoryTest {
    private static final PeerId BOB = new PeerId("bob-peer-0001");

    private static ChatMessage line(int n) {
        return new ChatMessage(String.format("line-%010d", n), BOB, "Bob", n + 1L, 0, ChatMessage.Kind.TEXT, "hi " + n);
    }

    @Test
    void seenIdsStayWithinTheLogsCapacity() {
        ChatLog log = new ChatLog(ChatLog.HISTORY_SIZE);
        for (int i = 0; i < 300_000; i++) {
            assertTrue(log.add(line(i)));
        }
        assertEquals(ChatLog.HISTORY_SIZE, log.size());
        assertTrue(log.rememberedIds() <= ChatLog.HISTORY_SIZE, log.rememberedIds() + " ids remembered");
    }

    @Test
    void aLineThatFellOutCannotComeBack() {
        ChatLog log = new ChatLog(ChatLog.HISTORY_SIZE);
        for (int i = 0; i < 1_000; i++) {
            log.add(line(i));
        }
        assertFalse(log.add(line(0)), "a duplicate of a forgotten line");
        assertFalse(log.add(line(799)), "older than every line kept");
        assertTrue(log.add(line(5_000)));
        assertEquals(ChatLog.HISTORY_SIZE, log.size());
        assertEquals(line(801).id(), log.lines().get(0).id());
    }
}
