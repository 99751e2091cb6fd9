package chat.free4.files;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.data.RawChannel;
import chat.free4.data.RtcTestRoom;
import chat.free4.peer.PeerInfo;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A hostile peer floods offers over a real data channel: the receiver's lists stay bounded. */
class FileOfferFloodTest {
    private final RtcTestRoom room = new RtcTestRoom();

    @AfterEach
    void closeRoom() {
        room.close();
    }

    private static String offer(UUID id, String name) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "offer");
        o.addProperty("id", id.toString());
        o.addProperty("name", name);
        o.addProperty("size", 1234);
        o.addProperty("sha256", "ab".repeat(32));
        return o.toString();
    }

    private static String cancel(UUID id) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "cancel");
        o.addProperty("id", id.toString());
        return o.toString();
    }

    private static long declines(RawChannel raw) {
        return raw.received().stream()
                .map(b -> JsonParser.parseString(new String(b, StandardCharsets.UTF_8)).getAsJsonObject())
                .filter(o -> o.get("type").getAsString().equals("decline")).count();
    }

    @Test
    void offersBeyondThePerPeerCapAreDeclinedWithoutReachingTheUi() throws Exception {
        FileSharingService bob = new FileSharingService();
        Set<UUID> shown = ConcurrentHashMap.newKeySet();
        bob.addListener(s -> shown.add(s.id()));
        PeerInfo mallory = RtcTestRoom.newPeerInfo("Mallory");
        RawChannel raw = new RawChannel("files");
        room.connect(room.addPeer(mallory, raw), room.addPeer(RtcTestRoom.newPeerInfo("Bob"), bob));
        raw.opened().get(20, TimeUnit.SECONDS);

        int flood = 100;
        for (int i = 0; i < flood; i++) {
            raw.sendText(offer(UUID.randomUUID(), "file-" + i + ".txt"));
        }
        int cap = FileSharingService.MAX_PENDING_OFFERS_PER_PEER;
        await().atMost(Duration.ofSeconds(20)).until(() -> declines(raw) == flood - cap);
        assertEquals(cap, shown.size(), "only the first offers reach the person");
        assertEquals(cap, bob.transfers().size());
    }

    @Test
    void finishedTransfersArePruned() throws Exception {
        FileSharingService bob = new FileSharingService();
        Set<UUID> offered = ConcurrentHashMap.newKeySet();
        bob.addListener(s -> offered.add(s.id()));
        PeerInfo mallory = RtcTestRoom.newPeerInfo("Mallory");
        RawChannel raw = new RawChannel("files");
        room.connect(room.addPeer(mallory, raw), room.addPeer(RtcTestRoom.newPeerInfo("Bob"), bob));
        raw.opened().get(20, TimeUnit.SECONDS);

        int rounds = 300;
        for (int i = 0; i < rounds; i++) {
            UUID id = UUID.randomUUID();
            raw.sendText(offer(id, "file-" + i + ".txt"));
            raw.sendText(cancel(id));
        }
        UUID last = UUID.randomUUID();
        raw.sendText(offer(last, "last.txt"));
        // The channel is ordered: once the last offer is seen, every earlier message was handled.
        await().atMost(Duration.ofSeconds(20)).until(() -> offered.contains(last));
        assertEquals(rounds + 1, offered.size(), "every offer was shown while it was open");
        int kept = bob.transfers().size();
        assertTrue(kept <= FileSharingService.MAX_FINISHED_KEPT + 1, kept + " transfers kept");
        assertTrue(bob.status(last).isPresent(), "the open offer is kept");
    }
}
