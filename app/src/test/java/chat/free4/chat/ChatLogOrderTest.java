package chat.free4.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.peer.PeerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChatLogOrderTest {
    private static final PeerId A = new PeerId("aaaaaaaa");
    private static final PeerId B = new PeerId("bbbbbbbb");

    private static ChatMessage msg(String id, PeerId sender, long clock) {
        return new ChatMessage(id + "0000000", sender, sender.value(), clock, 0, ChatMessage.Kind.TEXT, id);
    }

    @Test
    void anyArrivalOrderGivesTheSameLog() {
        List<ChatMessage> all = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            all.add(msg("a" + i, A, i));
            all.add(msg("b" + i, B, i)); // same clock as A's: the sender id breaks the tie
        }
        ChatLog reference = new ChatLog();
        all.forEach(reference::add);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<ChatMessage> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            ChatLog log = new ChatLog();
            shuffled.forEach(log::add);
            assertEquals(reference.lines(), log.lines());
        }
        assertEquals("a1", reference.lines().get(0).text());
        assertEquals("b1", reference.lines().get(1).text());
    }

    @Test
    void duplicatesAreDroppedAndReportedOnce() {
        ChatLog log = new ChatLog();
        List<Integer> indices = new ArrayList<>();
        log.addListener((m, index) -> indices.add(index));
        assertTrue(log.add(msg("x1", A, 3)));
        assertFalse(log.add(msg("x1", A, 3)));
        assertTrue(log.add(msg("x2", B, 1)));
        assertEquals(2, log.size());
        assertEquals(List.of(0, 0), indices); // the late, older message went in front
    }

    @Test
    void historyIsTheLastTwoHundredTextMessages() {
        ChatLog log = new ChatLog();
        for (int i = 1; i <= 250; i++) {
            log.add(msg("m" + i, A, i));
        }
        log.add(new ChatMessage("sys-000000001", A, "a", 251, 0, ChatMessage.Kind.SYSTEM, "B joined"));
        List<ChatMessage> history = log.recentHistory();
        assertEquals(ChatLog.HISTORY_SIZE, history.size());
        assertEquals("m51", history.get(0).text());
        assertEquals("m250", history.get(history.size() - 1).text());
    }

    @Test
    void fullLogDropsOldestButStillRejectsItsDuplicate() {
        ChatLog log = new ChatLog(ChatLog.HISTORY_SIZE);
        for (int i = 1; i <= ChatLog.HISTORY_SIZE + 5; i++) {
            log.add(msg("m" + i, A, i));
        }
        assertEquals(ChatLog.HISTORY_SIZE, log.size());
        assertFalse(log.add(msg("m1", A, 1)));
    }

    @Test
    void lamportClockOrdersRepliesAfterWhatWasSeen() {
        LamportClock alice = new LamportClock();
        LamportClock bob = new LamportClock();
        long first = alice.tick();
        alice.tick();
        long seen = alice.tick();
        bob.witness(seen);
        long reply = bob.tick();
        assertTrue(reply > seen && seen > first);
    }
}
