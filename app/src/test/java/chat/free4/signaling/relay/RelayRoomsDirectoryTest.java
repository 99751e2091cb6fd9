package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.signaling.ListedRoom;
import chat.free4.signaling.RoomDirectory;
import chat.free4.signaling.RoomRequest;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The relay's public rooms through the {@link RoomDirectory} interface: one page with the total,
 * the tag filter, a refusal in words, and a relay that cannot be reached.
 */
class RelayRoomsDirectoryTest {

    /** What a directory tells, in order. */
    private static final class Heard implements RoomDirectory.Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void onRooms(List<ListedRoom> rooms) {
            events.add("rooms " + rooms);
        }

        @Override
        public void onRooms(List<ListedRoom> rooms, int total) {
            events.add("rooms " + rooms + " of " + total);
        }

        @Override
        public void onReachable(boolean reachable, String sentence) {
            events.add("reachable " + reachable + " " + sentence);
        }

        @Override
        public void onRefused(String sentence) {
            events.add("refused " + sentence);
        }

        String next() throws InterruptedException {
            String event = events.poll(10, TimeUnit.SECONDS);
            return event == null ? "nothing" : event;
        }
    }

    @Test
    void listsAPageWithTheTotalAndFiltersByTag() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             RelaySignaling a = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
             RelaySignaling b = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
             RelaySignaling c = new RelaySignaling(RelayConnectionConfig.of(relay.uri()))) {
            join(a, "Jam session", "al", List.of("music"));
            join(b, "Jam session", "ann", List.of("music"));
            join(c, "Book club", "bea", List.of("books"));

            Heard heard = new Heard();
            try (RoomDirectory directory = RelayRooms.directory(relay.uri(), 1, heard)) {
                directory.start();
                assertEquals("reachable true ", heard.next());
                assertEquals("rooms " + List.of(new ListedRoom("Jam session", 2, List.of("music"))) + " of 2", heard.next());

                directory.refresh("books");
                String filtered = heard.next();
                while (filtered.startsWith("rooms [ListedRoom[name=Jam")) { // a poll sent before the refresh
                    filtered = heard.next();
                }
                assertEquals("rooms " + List.of(new ListedRoom("Book club", 1, List.of("books"))) + " of 1", filtered);

                directory.refresh("NOT A TAG");
                String refused = heard.next();
                while (refused.startsWith("rooms ")) {
                    refused = heard.next();
                }
                assertTrue(refused.startsWith("refused "), refused);
            }
        }
    }

    @Test
    void aRelayThatIsGoneIsUnreachableInWords() throws Exception {
        TestRelay relay = TestRelay.start("127.0.0.1");
        relay.close();
        Heard heard = new Heard();
        try (RoomDirectory directory = RelayRooms.directory(relay.uri(), heard)) {
            directory.start();
            String event = heard.next();
            assertTrue(event.startsWith("reachable false ") && event.contains("cannot be reached"), event);
            assertFalse(heard.events.stream().anyMatch(e -> e.startsWith("rooms")), heard.events.toString());
        }
    }

    private static void join(RelaySignaling client, String room, String name, List<String> tags) throws Exception {
        RecordingListener listener = new RecordingListener();
        client.join(new RoomRequest(room, name, PeerId.random(), true, tags), listener);
        listener.joined.get(10, TimeUnit.SECONDS);
    }
}
