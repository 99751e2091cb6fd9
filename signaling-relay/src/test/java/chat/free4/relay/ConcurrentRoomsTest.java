package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hundreds of clients in many rooms at once: exact delivery, no cross-room leaks, no leaked rooms. */
class ConcurrentRoomsTest {
    private static final int ROOMS = 40;
    private static final int PEERS_PER_ROOM = 5;
    private static final int MESSAGES_PER_PAIR = 10;

    private static RelayConfig roomy() {
        return RelayFixture.loopback().withMaxConnectionsPerAddress(10_000).withRate(10_000, 10_000);
    }

    @Test
    void everySignalReachesItsAddresseeExactlyOnceAndNeverAnotherRoom() throws Exception {
        try (RelayFixture f = new RelayFixture(roomy())) {
            List<List<TestClient>> rooms = new ArrayList<>();
            for (int r = 0; r < ROOMS; r++) {
                List<TestClient> members = new ArrayList<>();
                for (int p = 0; p < PEERS_PER_ROOM; p++) {
                    TestClient c = f.connect();
                    c.join("room-" + r, "p" + p, id(r, p));
                    members.add(c);
                }
                rooms.add(members);
            }
            for (List<TestClient> members : rooms) {
                for (int p = 0; p < PEERS_PER_ROOM; p++) {
                    for (int k = p + 1; k < PEERS_PER_ROOM; k++) {
                        members.get(p).expect("peer-joined");
                    }
                }
            }
            assertEquals(ROOMS, f.relay.rooms());
            assertEquals(ROOMS * PEERS_PER_ROOM, f.relay.connections());

            ExecutorService senders = Executors.newFixedThreadPool(16);
            try {
                List<Future<Void>> done = new ArrayList<>();
                for (int r = 0; r < ROOMS; r++) {
                    for (int p = 0; p < PEERS_PER_ROOM; p++) {
                        int room = r;
                        int peer = p;
                        TestClient sender = rooms.get(r).get(p);
                        Callable<Void> task = () -> {
                            for (int seq = 0; seq < MESSAGES_PER_PAIR; seq++) {
                                for (int to = 0; to < PEERS_PER_ROOM; to++) {
                                    if (to != peer) {
                                        JsonObject payload = new JsonObject();
                                        payload.addProperty("room", room);
                                        payload.addProperty("from", peer);
                                        payload.addProperty("to", to);
                                        payload.addProperty("seq", seq);
                                        sender.send(TestClient.signal(id(room, to), payload));
                                    }
                                }
                            }
                            return null;
                        };
                        done.add(senders.submit(task));
                    }
                }
                for (Future<Void> d : done) {
                    d.get(60, TimeUnit.SECONDS);
                }
            } finally {
                senders.shutdownNow();
            }

            int expected = (PEERS_PER_ROOM - 1) * MESSAGES_PER_PAIR;
            for (int r = 0; r < ROOMS; r++) {
                for (int p = 0; p < PEERS_PER_ROOM; p++) {
                    TestClient receiver = rooms.get(r).get(p);
                    Set<String> seen = new HashSet<>();
                    int[] lastSeqFrom = new int[PEERS_PER_ROOM];
                    java.util.Arrays.fill(lastSeqFrom, -1);
                    for (int i = 0; i < expected; i++) {
                        JsonObject m = receiver.expect("signal");
                        JsonObject payload = m.getAsJsonObject("payload");
                        int from = payload.get("from").getAsInt();
                        int seq = payload.get("seq").getAsInt();
                        assertEquals(r, payload.get("room").getAsInt(), "cross-room delivery");
                        assertEquals(p, payload.get("to").getAsInt(), "delivered to the wrong peer");
                        assertEquals(id(r, from), m.get("from").getAsString());
                        assertTrue(seen.add(from + "/" + seq), "duplicate " + from + "/" + seq);
                        assertEquals(lastSeqFrom[from] + 1, seq, "one sender's signals arrive in order");
                        lastSeqFrom[from] = seq;
                    }
                    receiver.roundTrip();
                    assertEquals(0, receiver.pending(), "extra messages for " + id(r, p));
                }
            }
            assertEquals((long) ROOMS * PEERS_PER_ROOM * expected, f.relay.metrics().messagesForwarded());

            for (List<TestClient> members : rooms) {
                members.forEach(TestClient::close);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> f.relay.rooms() == 0 && f.relay.connections() == 0);
            assertEquals(0, f.relay.metrics().rooms());
        }
    }

    @Test
    void concurrentJoinLeaveChurnLeavesNoRoomBehind() throws Exception {
        try (RelayFixture f = new RelayFixture(roomy().withMaxPeersPerRoom(100))) {
            int clients = 60;
            List<TestClient> all = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                all.add(f.connect());
            }
            ExecutorService workers = Executors.newFixedThreadPool(12);
            try {
                List<Future<Void>> done = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    TestClient c = all.get(i);
                    Random random = new Random(i);
                    String name = "n" + i;
                    done.add(workers.submit(() -> {
                        for (int round = 0; round < 15; round++) {
                            c.send(TestClient.joinMessage("churn-" + random.nextInt(3), name));
                            c.send("{\"type\":\"leave\"}");
                        }
                        return null;
                    }));
                }
                for (Future<Void> d : done) {
                    d.get(60, TimeUnit.SECONDS);
                }
            } finally {
                workers.shutdownNow();
            }
            for (TestClient c : all) {
                c.drainUntilPong(); // every join/leave before the ping has been handled
            }
            assertEquals(0, f.relay.rooms());
            assertEquals(0, f.relay.metrics().rooms());
        }
    }

    private static String id(int room, int peer) {
        return "peer-" + room + "-" + peer;
    }
}
