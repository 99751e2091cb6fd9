package chat.free4.chat;

import static chat.free4.chat.ChatFrames.frame;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.data.RawChannel;
import chat.free4.data.RtcTestRoom;
import chat.free4.data.RtcTestRoom.Peer;
import chat.free4.peer.PeerInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile peer sends chat frames whose Lamport clock is as large as the wire allows, live and
 * as history. The room must go on: later lines are sent, late joiners still get the history.
 */
class HostileChatClockTest {
    private final RtcTestRoom room = new RtcTestRoom();

    @AfterEach
    void closeRoom() {
        room.close();
    }

    /** Ada made the room and has waited in it, alone and silent, when Mallory arrives. */
    @Test
    void aFrameWithTheLargestClockDoesNotSilenceTheRoom() throws Exception {
        MutableClock wall = new MutableClock();
        ChatService ada = new ChatService(RtcTestRoom.newPeerInfo("Ada"), wall);
        wall.advance(ChatService.ADOPT_WINDOW_MILLIS + 1);
        PeerInfo mallory = RtcTestRoom.newPeerInfo("Mallory");
        RawChannel raw = new RawChannel("chat");
        Peer adaPeer = room.addPeer(ada.self(), ada);
        room.connect(room.addPeer(mallory, raw), adaPeer);
        raw.opened().get(20, TimeUnit.SECONDS);
        String m = mallory.id().value();

        raw.sendText(frame("poison-live-1", m, "Mallory", Long.MAX_VALUE, "tick", false));
        raw.sendText(frame("poison-hist-1", m, "Mallory", Long.MAX_VALUE - 1, "tock", true));
        raw.sendText(frame("poison-near-1", m, "Mallory", Long.MAX_VALUE / 2, "tack", false));
        // Within what the wire allows, but far ahead of the room: taken, it would pin every later line.
        raw.sendText(frame("poison-ceil-1", m, "Mallory", LamportClock.MAX_CLOCK, "tuck", false));
        raw.sendText(frame("poison-jump-1", m, "Mallory", 5_000_000, "tick", false));
        raw.sendText(frame("marker-0001", m, "Mallory", 3, "hello", false));
        await().atMost(Duration.ofSeconds(20)).until(() -> ada.log().contains("marker-0001"));

        // Every local line still gets a clock: the next send works and sorts after what was seen.
        ChatMessage after = ada.send("still talking");
        assertTrue(after.clock() > 3 && after.clock() < 1_000_000_000L, "clock " + after.clock());
        assertFalse(ada.log().contains("poison-live-1"), "a clock far ahead is not taken");
        assertFalse(ada.log().contains("poison-hist-1"));
        assertFalse(ada.log().contains("poison-near-1"));
        assertFalse(ada.log().contains("poison-ceil-1"));
        assertFalse(ada.log().contains("poison-jump-1"));

        // A late joiner still gets the room's history: the replay runs when its channel opens.
        ChatService cy = new ChatService(RtcTestRoom.newPeerInfo("Cy"));
        room.connect(adaPeer, room.addPeer(cy.self(), cy));
        await().atMost(Duration.ofSeconds(20)).until(() -> cy.log().contains(after.id()) && cy.log().contains("marker-0001"));
        ChatMessage reply = cy.send("hi Ada");
        await().atMost(Duration.ofSeconds(20)).until(() -> ada.log().contains(reply.id()));
    }

    /**
     * A peer may move the room's clock up to the allowed step with each frame; once everyone
     * took such steps, the room's clock is legitimately far ahead of a newcomer's. The newcomer
     * still gets the history and hears the room: its first replay sets its clock.
     */
    @Test
    void aLateJoinerOfARoomWhoseClockWentFarAheadStillHearsIt() throws Exception {
        ChatService ada = new ChatService(RtcTestRoom.newPeerInfo("Ada"));
        PeerInfo mallory = RtcTestRoom.newPeerInfo("Mallory");
        RawChannel raw = new RawChannel("chat");
        Peer adaPeer = room.addPeer(ada.self(), ada);
        room.connect(room.addPeer(mallory, raw), adaPeer);
        raw.opened().get(20, TimeUnit.SECONDS);
        String m = mallory.id().value();
        for (int i = 0; i < 3; i++) {
            String id = "step-000" + i;
            raw.sendText(frame(id, m, "Mallory", (i + 1) * 999_999L, "step", false)); // each within one step of the last
            await().atMost(Duration.ofSeconds(20)).until(() -> ada.log().contains(id));
        }
        for (int i = 0; i < ChatLog.HISTORY_SIZE + 10; i++) {
            ada.send("line " + i);
        }
        assertTrue(ada.log().recentHistory().get(0).clock() > 2_000_000, "every replayed line is far ahead of 0");

        ChatService cy = new ChatService(RtcTestRoom.newPeerInfo("Cy"));
        room.connect(adaPeer, room.addPeer(cy.self(), cy));
        String lastReplayed = ada.log().recentHistory().get(ChatLog.HISTORY_SIZE - 1).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> cy.log().contains(lastReplayed));
        ChatMessage live = ada.send("welcome, Cy");
        await().atMost(Duration.ofSeconds(20)).until(() -> cy.log().contains(live.id()));
        ChatMessage reply = cy.send("thanks");
        await().atMost(Duration.ofSeconds(20)).until(() -> ada.log().contains(reply.id()));
    }

    /** A wall clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile long millis = 1_700_000_000_000L;

        void advance(long by) {
            millis += by;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
