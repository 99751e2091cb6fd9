package chat.free4.data;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.data.RtcFeatureChannel.InboundStats;
import chat.free4.data.RtcTestRoom.Peer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile peer sends application data as fast as its channel takes it. The receiver hands its
 * subscribers no more than the channel's inbound rate allows and drops the rest unread.
 */
class DataChannelFloodTest {
    private final RtcTestRoom room = new RtcTestRoom();

    @AfterEach
    void closeRoom() {
        room.close();
    }

    @Test
    void aFloodIsCutToTheChannelsInboundRate() throws Exception {
        AppDataService bob = new AppDataService();
        AtomicInteger handed = new AtomicInteger();
        bob.subscribe("game/move", (from, topic, payload) -> handed.incrementAndGet());
        RawChannel mallory = new RawChannel("app");
        Peer bobPeer = room.addPeer(RtcTestRoom.newPeerInfo("Bob"), bob);
        Peer malloryPeer = room.addPeer(RtcTestRoom.newPeerInfo("Mallory"), mallory);
        room.connect(malloryPeer, bobPeer);
        mallory.opened().get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> room.channel(bobPeer, malloryPeer, "app").isPresent());
        RtcFeatureChannel bobsEnd = room.channel(bobPeer, malloryPeer, "app").orElseThrow();

        byte[] frame = new AppDataFrame("game/move", new byte[] {1, 2, 3}).encode();
        int flood = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < flood; i++) {
            mallory.send(frame, true);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> bobsEnd.inbound().received() == flood);
        double seconds = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            InboundStats s = bobsEnd.inbound();
            return s.delivered() + s.dropped() == flood;
        });

        InboundStats stats = bobsEnd.inbound();
        InboundRate rate = AppDataService.SPEC.inbound();
        // The bucket starts full and refills at the rate: it cannot have let more through.
        double allowed = rate.messageBurst() + rate.messagesPerSecond() * seconds;
        assertTrue(stats.delivered() <= allowed, stats + " in " + seconds + " s; allowed " + allowed);
        assertTrue(stats.delivered() >= rate.messageBurst(), "the burst gets through: " + stats);
        assertEquals(stats.delivered(), handed.get(), "what was delivered reached the subscriber");
    }
}
