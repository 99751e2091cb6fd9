package chat.free4.ui.chat;

import chat.free4.session.SessionFiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.data.FakeFeatureChannel;
import chat.free4.data.RtcTestRoom;
import chat.free4.files.FileSharingService;
import chat.free4.files.TransferState;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A peer offers and cancels a thousand files while the FX thread is busy: at most one update
 * waits for it, and the list it then shows is as bounded as the service's.
 */
class TransfersModelBatchesUpdatesTest {
    private final List<Runnable> fxQueue = new ArrayList<>();

    private static byte[] control(String type, UUID id) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        o.addProperty("id", id.toString());
        o.addProperty("name", "file.txt");
        o.addProperty("size", 10);
        o.addProperty("sha256", "ab".repeat(32));
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void runFx() {
        List<Runnable> now = new ArrayList<>(fxQueue);
        fxQueue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aThousandOffersAndCancelsQueueOneUpdate() {
        FileSharingService files = new FileSharingService();
        TransfersModel model = new TransfersModel(new SessionFiles(files, Runnable::run), fxQueue::add);
        FakeFeatureChannel mallory = FakeFeatureChannel.openTo(files, RtcTestRoom.newPeerInfo("Mallory"));
        for (int i = 0; i < 1_000; i++) {
            UUID id = UUID.randomUUID();
            mallory.receive(control("offer", id), false);
            mallory.receive(control("cancel", id), false);
        }
        UUID open = UUID.randomUUID();
        mallory.receive(control("offer", open), false);
        assertEquals(1, fxQueue.size(), "updates waiting for the FX thread");
        runFx();

        assertTrue(model.items().size() <= FileSharingService.MAX_FINISHED_KEPT + 1, model.items().size() + " rows");
        assertTrue(model.items().stream().anyMatch(i -> i.status().id().equals(open)
                && i.status().state() == TransferState.OFFERED), "the open offer is shown");
        for (TransferItem item : model.items()) {
            assertEquals(files.status(item.status().id()).orElseThrow(), item.status(), "row matches the service");
        }
    }
}
