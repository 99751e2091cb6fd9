package chat.free4.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.data.RtcTestRoom;
import chat.free4.data.RtcTestRoom.Peer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real WebRTC data channels between three peers in one JVM. */
class ThreePeersChatTest {
    private static final int PER_PEER = 100;
    private final RtcTestRoom room = new RtcTestRoom();

    @AfterEach
    void closeRoom() {
        room.close();
    }

    /** Someone in the test room: their chat and their WebRTC peer. */
    private record Member(ChatService chat, Peer peer) {
    }

    private Member member(String name) throws Exception {
        ChatService chat = new ChatService(RtcTestRoom.newPeerInfo(name));
        return new Member(chat, room.addPeer(chat.self(), chat));
    }

    /** Connects two members and waits until each has the other's chat channel open. */
    private void connect(Member a, Member b) throws Exception {
        room.connect(a.peer(), b.peer());
        await().atMost(Duration.ofSeconds(20)).until(() -> a.chat().connectedPeers().contains(b.chat().self())
                && b.chat().connectedPeers().contains(a.chat().self()));
    }

    private static List<String> textIds(ChatService chat) {
        return chat.log().lines().stream().filter(m -> !m.isSystem()).map(ChatMessage::id).toList();
    }

    @Test
    void concurrentMessagesArriveOnceEverywhereInTheSameOrder() throws Exception {
        List<ChatService> chats = new ArrayList<>();
        List<Peer> peers = new ArrayList<>();
        List<Map<String, Integer>> deliveries = new ArrayList<>();
        for (String name : List.of("Ada", "Bob", "Cy")) {
            ChatService chat = new ChatService(RtcTestRoom.newPeerInfo(name));
            chats.add(chat);
            peers.add(room.addPeer(chat.self(), chat));
        }
        // The services exist now; count every line each log reports.
        for (ChatService chat : chats) {
            Map<String, Integer> seen = new ConcurrentHashMap<>();
            chat.log().addListener((m, index) -> seen.merge(m.id(), 1, Integer::sum));
            deliveries.add(seen);
        }
        room.connectAll();
        for (ChatService chat : chats) {
            await().atMost(Duration.ofSeconds(20)).until(() -> chat.connectedPeers().size() == 2);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(3);
        List<Future<List<String>>> sent = new ArrayList<>();
        for (ChatService chat : chats) {
            sent.add(senders.submit(() -> {
                start.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < PER_PEER; i++) {
                    ids.add(chat.send(chat.self().displayName() + " says " + i).id());
                }
                return ids;
            }));
        }
        start.countDown();
        Set<String> allIds = new java.util.HashSet<>();
        for (Future<List<String>> f : sent) {
            allIds.addAll(f.get());
        }
        senders.shutdown();
        assertEquals(3 * PER_PEER, allIds.size());

        for (ChatService chat : chats) {
            await().atMost(Duration.ofSeconds(30)).until(() -> textIds(chat).size() == 3 * PER_PEER);
        }
        List<String> reference = textIds(chats.get(0));
        assertEquals(allIds, Set.copyOf(reference));
        for (int i = 0; i < chats.size(); i++) {
            assertEquals(reference, textIds(chats.get(i)), "order at " + chats.get(i).self().displayName());
            Map<String, Integer> texts = deliveries.get(i).entrySet().stream()
                    .filter(e -> allIds.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(allIds, texts.keySet());
            assertTrue(texts.values().stream().allMatch(n -> n == 1), "each message exactly once");
        }
        // Each sender's own messages keep their sending order inside the common order.
        for (ChatService chat : chats) {
            List<String> own = chat.log().lines().stream()
                    .filter(m -> !m.isSystem() && m.sender().equals(chat.self().id()))
                    .map(ChatMessage::text).toList();
            for (int i = 0; i < PER_PEER; i++) {
                assertEquals(chat.self().displayName() + " says " + i, own.get(i));
            }
        }
        // Everyone saw the others join.
        for (ChatService chat : chats) {
            long joins = chat.log().lines().stream().filter(m -> m.isSystem() && m.text().endsWith("joined the room")).count();
            assertEquals(2, joins);
        }
    }

    @Test
    void lateJoinerReceivesTheRecentHistoryAndLeavesAreShown() throws Exception {
        Member ada = member("Ada");
        Member bob = member("Bob");
        connect(ada, bob);
        for (int i = 0; i < 130; i++) {
            ada.chat().send("from ada " + i);
            bob.chat().send("from bob " + i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> textIds(ada.chat()).size() == 260 && textIds(bob.chat()).size() == 260);

        ChatService cyChat = new ChatService(RtcTestRoom.newPeerInfo("Cy"));
        Peer cy = room.addPeer(cyChat.self(), cyChat);
        room.connect(ada.peer(), cy);
        room.connect(bob.peer(), cy);
        List<String> expected = ada.chat().log().recentHistory().stream().map(ChatMessage::id).toList();
        assertEquals(ChatLog.HISTORY_SIZE, expected.size());
        await().atMost(Duration.ofSeconds(20)).until(() -> textIds(cyChat).size() == ChatLog.HISTORY_SIZE);
        assertEquals(expected, textIds(cyChat));

        // A reply from the newcomer sorts after everything it was shown, on every peer.
        ChatMessage reply = cyChat.send("hello, I just got here :wave:");
        assertEquals("hello, I just got here \uD83D\uDC4B", reply.text());
        for (ChatService chat : List.of(ada.chat(), bob.chat())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> chat.log().contains(reply.id()));
            List<String> ids = textIds(chat);
            assertEquals(reply.id(), ids.get(ids.size() - 1));
        }

        room.disconnect(bob.peer(), cy);
        room.disconnect(ada.peer(), bob.peer());
        await().atMost(Duration.ofSeconds(10)).until(() -> cyChat.log().lines().stream()
                .anyMatch(m -> m.isSystem() && m.text().equals("Bob left the room")));
    }

    /**
     * A peer replays history lines it invented: one "from" Ada, who is in the room, and one
     * "from" the newcomer itself. The newcomer takes Ada's lines from Ada only, so it shows
     * her real line and neither invention.
     */
    @Test
    void historyLinesOfPeopleInTheRoomAreTakenFromThemOnly() throws Exception {
        Member ada = member("Ada");
        Member mallory = member("Mallory");
        connect(ada, mallory);
        ChatMessage real = ada.chat().send("the meeting is at 3");
        ChatMessage malloryOwn = mallory.chat().send("hi all");
        await().atMost(Duration.ofSeconds(20)).until(() -> mallory.chat().log().contains(real.id()));

        ChatService cyChat = new ChatService(RtcTestRoom.newPeerInfo("Cy"));
        ChatMessage forgedAda = new ChatMessage("forged-ada", ada.chat().self().id(), "Ada", real.clock() + 1,
                real.sentAtMillis(), ChatMessage.Kind.TEXT, "the meeting is cancelled");
        ChatMessage forgedCy = new ChatMessage("forged-cy", cyChat.self().id(), "Cy", real.clock() + 2,
                real.sentAtMillis(), ChatMessage.Kind.TEXT, "I agree with Mallory");
        mallory.chat().log().add(forgedAda);
        mallory.chat().log().add(forgedCy);
        // Signaling told Cy who is in the room before any channel opened.
        cyChat.roomMembers(id -> id.equals(ada.chat().self().id()) || id.equals(mallory.chat().self().id()));

        Peer cy = room.addPeer(cyChat.self(), cyChat);
        room.connect(mallory.peer(), cy); // Mallory's replay arrives first
        await().atMost(Duration.ofSeconds(20)).until(() -> cyChat.log().contains(malloryOwn.id()));
        // A live line goes out on the same ordered channel after the replay: once Cy has it,
        // Cy has handled every line Mallory replayed.
        ChatMessage after = mallory.chat().send("anyone there?");
        await().atMost(Duration.ofSeconds(20)).until(() -> cyChat.log().contains(after.id()));
        room.connect(ada.peer(), cy);
        await().atMost(Duration.ofSeconds(20)).until(() -> cyChat.log().contains(real.id()));

        assertEquals(List.of(real.id(), malloryOwn.id(), after.id()).stream().sorted().toList(),
                textIds(cyChat).stream().sorted().toList(), "Cy shows exactly the real lines");
        ChatMessage shown = cyChat.log().lines().stream().filter(m -> m.id().equals(real.id())).findFirst().orElseThrow();
        assertEquals("the meeting is at 3", shown.text());
    }

    /** Lines of someone who left before the newcomer arrived come relayed, and say by whom. */
    @Test
    void linesOfSomeoneWhoLeftArriveMarkedWithWhoRelayedThem() throws Exception {
        Member ada = member("Ada");
        Member bob = member("Bob");
        connect(ada, bob);
        ChatMessage fromAda = ada.chat().send("bye all");
        ChatMessage fromBob = bob.chat().send("bye Ada");
        await().atMost(Duration.ofSeconds(20)).until(() -> bob.chat().log().contains(fromAda.id()));
        room.disconnect(ada.peer(), bob.peer()); // Ada leaves
        await().atMost(Duration.ofSeconds(20)).until(() -> bob.chat().connectedPeers().isEmpty());

        ChatService cyChat = new ChatService(RtcTestRoom.newPeerInfo("Cy"));
        cyChat.roomMembers(id -> id.equals(bob.chat().self().id()));
        Peer cy = room.addPeer(cyChat.self(), cyChat);
        room.connect(bob.peer(), cy);
        await().atMost(Duration.ofSeconds(20)).until(() -> cyChat.log().contains(fromAda.id())
                && cyChat.log().contains(fromBob.id()));

        assertEquals(Optional.of("Bob"), cyChat.relayedBy(fromAda.id()));
        assertEquals(Optional.empty(), cyChat.relayedBy(fromBob.id()), "Bob's own line came from Bob");
        assertEquals(Optional.empty(), bob.chat().relayedBy(fromAda.id()), "Bob had it from Ada herself");
    }
}
