package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of clients over three relay instances on one Redis (decision 0026), every room spread
 * over all three, joining and signalling at once: every signal arrives exactly once, in order per
 * sender, and only at its addressee.
 */
class ClusterConcurrencyTest {
    private static final int ROOMS = 60;
    private static final int PEERS_PER_ROOM = 4;
    private static final int SIGNALS_PER_PAIR = 3;

    @Test
    void hundredsOfClientsOverThreeInstancesGetEveryMessageExactlyOnce() throws Exception {
        try (RelayCluster cluster = new RelayCluster(3, "--max-connections-per-address", "1000")) {
            TestClient[][] clients = new TestClient[ROOMS][PEERS_PER_ROOM];
            String[][] ids = new String[ROOMS][PEERS_PER_ROOM];
            for (int r = 0; r < ROOMS; r++) {
                for (int p = 0; p < PEERS_PER_ROOM; p++) {
                    clients[r][p] = cluster.connect((r + p) % 3);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                // Rooms join at once; within a room one after the other, so each knows whom to expect.
                List<Future<?>> joins = new ArrayList<>();
                for (int r = 0; r < ROOMS; r++) {
                    int room = r;
                    joins.add(pool.submit(() -> {
                        for (int p = 0; p < PEERS_PER_ROOM; p++) {
                            JsonObject joined = clients[room][p].join("crowd-" + room, "peer" + p);
                            ids[room][p] = joined.get("peerId").getAsString();
                            assertEquals(p, joined.getAsJsonArray("peers").size(), "room " + room + " peer " + p);
                        }
                        // Each hears every later joiner once; joiners on different instances are announced
                        // by different instances, so their order may differ from the join order.
                        for (int p = 0; p < PEERS_PER_ROOM; p++) {
                            java.util.Set<String> expected = new java.util.HashSet<>();
                            java.util.Set<String> heard = new java.util.HashSet<>();
                            for (int later = p + 1; later < PEERS_PER_ROOM; later++) {
                                expected.add(ids[room][later]);
                                heard.add(clients[room][p].expect("peer-joined").getAsJsonObject("peer").get("peerId")
                                        .getAsString());
                            }
                            assertEquals(expected, heard, "room " + room + " peer " + p);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : joins) {
                    f.get();
                }

                List<Future<?>> sends = new ArrayList<>();
                for (int r = 0; r < ROOMS; r++) {
                    for (int p = 0; p < PEERS_PER_ROOM; p++) {
                        int room = r;
                        int from = p;
                        sends.add(pool.submit(() -> {
                            for (int n = 0; n < SIGNALS_PER_PAIR; n++) {
                                for (int to = 0; to < PEERS_PER_ROOM; to++) {
                                    if (to != from) {
                                        clients[room][from].send(TestClient.signal(ids[room][to],
                                                TestClient.payload("offer", room + ":" + from + ">" + to + "#" + n)));
                                    }
                                }
                            }
                            return null;
                        }));
                    }
                }
                for (Future<?> f : sends) {
                    f.get();
                }

                List<Future<?>> checks = new ArrayList<>();
                for (int r = 0; r < ROOMS; r++) {
                    for (int p = 0; p < PEERS_PER_ROOM; p++) {
                        int room = r;
                        int to = p;
                        checks.add(pool.submit(() -> {
                            Map<String, List<String>> bySender = new HashMap<>();
                            for (int i = 0; i < SIGNALS_PER_PAIR * (PEERS_PER_ROOM - 1); i++) {
                                JsonObject s = clients[room][to].expect("signal");
                                bySender.computeIfAbsent(s.get("from").getAsString(), k -> new ArrayList<>())
                                        .add(s.getAsJsonObject("payload").get("sdp").getAsString());
                            }
                            Map<String, List<String>> expected = new HashMap<>();
                            for (int from = 0; from < PEERS_PER_ROOM; from++) {
                                if (from == to) {
                                    continue;
                                }
                                List<String> sequence = new ArrayList<>();
                                for (int n = 0; n < SIGNALS_PER_PAIR; n++) {
                                    sequence.add(room + ":" + from + ">" + to + "#" + n);
                                }
                                expected.put(ids[room][from], sequence);
                            }
                            assertEquals(expected, bySender, "signals at peer " + to + " of room " + room);
                            return null;
                        }));
                    }
                }
                for (Future<?> f : checks) {
                    f.get();
                }
                // Nothing more for anyone: the pong comes next.
                for (TestClient[] room : clients) {
                    for (TestClient c : room) {
                        c.roundTrip();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
