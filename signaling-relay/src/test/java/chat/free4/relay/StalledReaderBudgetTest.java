package chat.free4.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.relay.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, memory pinned by clients that do not read: what waits to be written is limited in
 * bytes, per connection and for the whole relay, not only in messages (256 messages of 64 KiB
 * each are 16 MiB per stalled reader).
 */
class StalledReaderBudgetTest {
    private static final String BIG = "x".repeat(60_000);
    private RelayFixture f;
    private final List<RawWebSocket> raw = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (RawWebSocket r : raw) {
            r.close();
        }
        f.close();
    }

    private RawWebSocket stalledReader(String peerId) throws Exception {
        RawWebSocket reader = RawWebSocket.open(f.relay.uri(), 4096);
        raw.add(reader);
        reader.sendText("{\"type\":\"join\",\"room\":\"stall\",\"name\":\"" + peerId + "\",\"peerId\":\"" + peerId + "\"}");
        return reader;
    }

    /** Floods {@code to} with 60 KB signals; far fewer than the 256 messages the old limit counted. */
    private static void flood(TestClient sender, String to, int frames) throws Exception {
        for (int i = 0; i < frames; i++) {
            sender.send(TestClient.signal(to, TestClient.payload("offer", BIG)));
        }
    }

    @Test
    void aReaderThatStallsIsDroppedOnceItsQueuedBytesPassTheLimit() throws Exception {
        f = new RelayFixture(RelayFixture.loopback().withRate(100_000, 100_000).withMaxOutboundQueue(100_000)
                .withMaxOutboundBytes(256 * 1024, 512L * 1024 * 1024));
        TestClient sender = f.connect();
        sender.join("stall", "sender");
        stalledReader("stalled-1");
        assertEquals("stalled-1", sender.expect("peer-joined").getAsJsonObject("peer").get("peerId").getAsString());

        flood(sender, "stalled-1", 200);

        await().atMost(TestClient.WAIT).until(() -> f.relay.metrics().refused(ErrorCode.SLOW_CONSUMER) == 1);
        await().atMost(TestClient.WAIT).until(() -> f.relay.metrics().outboundQueuedBytes() == 0);
        sender.drainUntilPong();
        assertTrue(sender.isOpen(), "the sender is not punished for the reader's stall");
    }

    @Test
    void overTheRelaysTotalTheLargestQueuesAreDroppedAndOthersStillJoin() throws Exception {
        long total = 2L * 1024 * 1024;
        f = new RelayFixture(RelayFixture.loopback().withRate(100_000, 100_000).withMaxOutboundQueue(100_000)
                .withMaxOutboundBytes(64L * 1024 * 1024, total));
        TestClient sender = f.connect();
        sender.join("stall", "sender");
        for (int i = 1; i <= 3; i++) {
            stalledReader("stalled-" + i);
            sender.expect("peer-joined");
        }

        for (int i = 1; i <= 3; i++) {
            flood(sender, "stalled-" + i, 100);
        }

        await().atMost(TestClient.WAIT).until(() -> f.relay.metrics().refused(ErrorCode.SLOW_CONSUMER) >= 1);
        await().atMost(TestClient.WAIT).until(() -> f.relay.metrics().outboundQueuedBytes() <= total);
        TestClient late = f.connect();
        late.join("elsewhere", "late");
        late.roundTrip();
    }
}
