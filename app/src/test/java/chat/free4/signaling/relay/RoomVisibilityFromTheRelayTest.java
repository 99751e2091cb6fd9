package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.free4.engine.TestRelay;
import chat.free4.peer.PeerId;
import chat.free4.signaling.RoomRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, public flag: a room's visibility is its creator's choice. Someone who asked for a
 * private room learns (from {@code joined.public}) that the room is listed. (Reported, not refused:
 * the lobby also asks for "private" when it joins a room from the public list.)
 */
class RoomVisibilityFromTheRelayTest {

    @Test
    void joinedReportsWhetherTheRoomIsListed() throws Exception {
        try (TestRelay relay = TestRelay.start("127.0.0.1");
             RelaySignaling creator = new RelaySignaling(RelayConnectionConfig.of(relay.uri()));
             RelaySignaling joiner = new RelaySignaling(RelayConnectionConfig.of(relay.uri()))) {
            RecordingListener created = new RecordingListener();
            creator.join(new RoomRequest("kitchen", "mallory", PeerId.random(), true, List.of()), created);
            created.joined.get(10, TimeUnit.SECONDS);

            RecordingListener heard = new RecordingListener();
            joiner.join(new RoomRequest("kitchen", "ada", PeerId.random(), false, List.of()), heard);

            heard.joined.get(10, TimeUnit.SECONDS);
            assertEquals(Boolean.TRUE, heard.listed.poll(10, TimeUnit.SECONDS), "the room is listed");

            RecordingListener own = new RecordingListener();
            try (RelaySignaling third = new RelaySignaling(RelayConnectionConfig.of(relay.uri()))) {
                third.join(new RoomRequest("pantry", "bob", PeerId.random(), false, List.of()), own);
                own.joined.get(10, TimeUnit.SECONDS);
                assertEquals(Boolean.FALSE, own.listed.poll(10, TimeUnit.SECONDS), "a private room of one's own");
                third.leave();
            }
        }
    }
}
