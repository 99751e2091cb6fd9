package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.relay.config.RelayConfig;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalingState;
import chat.free4.ui.FailureAdvice;
import chat.free4.ui.i18n.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, the 8-peer cap on a relay (docs/PROTOCOL.md): eight real relay clients fill a room on a
 * real relay with its default limits; a ninth is refused with {@code room_full} and a sentence, stops
 * trying (no reconnect loop), and the eight see nothing of it and can still signal each other.
 */
class RelayRoomCapTest {
    private static final int CAP = 8;

    @Test
    void aNinthJoinerIsRefusedInWordsAndTheEightAreUntouched() throws Exception {
        RelayConfig config = RelayConfig.defaults().withBind("127.0.0.1").withPort(0);
        assertEquals(CAP, config.maxPeersPerRoom(), "the relay's documented default");
        List<RelaySignaling> clients = new ArrayList<>();
        TestRelay relay = TestRelay.start(config);
        try {
            List<RoomEvents> members = new ArrayList<>();
            List<PeerId> ids = new ArrayList<>();
            for (int i = 0; i < CAP; i++) {
                RelaySignaling client = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
                clients.add(client);
                RoomEvents events = new RoomEvents();
                members.add(events);
                PeerId id = PeerId.random();
                ids.add(id);
                client.join(new RoomRequest("attic", "member" + i, id, false, List.of()), events);
                assertEquals(id, events.joins.poll(20, TimeUnit.SECONDS), "member" + i + " joined: " + events.log);
            }
            // Everyone has seen everyone before the ninth comes, so anything later is about it.
            for (int i = 0; i < CAP; i++) {
                RoomEvents events = members.get(i);
                int expected = CAP - 1 - i;
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                        events.log.stream().filter(l -> l.startsWith("peer-joined")).count() == expected);
                assertEquals(CAP, events.maxPeers, "the relay told member" + i + " the room's size");
            }
            List<List<String>> before = members.stream().map(m -> List.copyOf(m.log)).toList();

            RelaySignaling ninth = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
            clients.add(ninth);
            RoomEvents refused = new RoomEvents();
            PeerId ninthId = PeerId.random();
            ninth.join(new RoomRequest("attic", "ninth", ninthId, false, List.of()), refused);

            String error = refused.errors.poll(20, TimeUnit.SECONDS);
            assertNotNull(error, "the ninth was told: " + refused.log);
            assertTrue(error.startsWith("room_full: "), error);
            String sentence = error.substring("room_full: ".length());
            assertTrue(sentence.contains("full") && sentence.contains("8"), "a sentence for a person: " + sentence);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> refused.log.stream()
                    .anyMatch(l -> l.startsWith("state CLOSED")));
            assertTrue(refused.joins.isEmpty(), "the ninth never joined: " + refused.log);
            // What the window shows: the relay's sentence, then what to do about it.
            Texts.use("");
            assertEquals(sentence + " " + Texts.get("advice.roomFull"), FailureAdvice.explain("room_full", sentence));

            // A refused join is final: the ninth stops, its connection closes, no retry follows.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> relay.server().connections() == CAP);

            // The eight: a signal from the first reaches the last, and then nothing else happened to anyone.
            clients.get(0).send(ids.get(CAP - 1), new SignalPayload.Offer("v=0 after the ninth"));
            SignalPayload got = members.get(CAP - 1).signals.poll(10, TimeUnit.SECONDS);
            assertEquals(new SignalPayload.Offer("v=0 after the ninth"), got);
            for (int i = 0; i < CAP; i++) {
                List<String> after = new ArrayList<>(members.get(i).log);
                List<String> expected = new ArrayList<>(before.get(i));
                if (i == CAP - 1) {
                    expected.add("signal " + ids.get(0).value());
                }
                assertEquals(expected, after, "member" + i + " saw nothing of the ninth");
            }
            assertTrue(refused.log.stream().noneMatch(l -> l.startsWith("state RECONNECTING")),
                    "the ninth did not retry: " + refused.log);
        } finally {
            Texts.use("");
            for (RelaySignaling c : clients) {
                c.close();
            }
            relay.close();
        }
    }
}
