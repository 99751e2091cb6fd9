package chat.free4.signaling.relay;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the relay's public room list fresh for the lobby (unlike the one-shot
 * {@link RelayRoomDirectory#list}): a {@link RelayConnection} that never joins a room, sends
 * {@code list} every few seconds (that also keeps it alive), reconnects with capped backoff when
 * the relay goes away, and reports reachability in words. All state lives on the connection's thread.
 */
public final class RelayRoomWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayRoomWatcher.class);
    private static final int LIST_LIMIT = 100;

    private final RoomListListener listener;
    private final long pollMillis;
    private final RelayConnection relay;
    private ScheduledFuture<?> poll;
    private String tag = "";
    private Boolean reachable;

    /** @param pollMillis how often the list is asked for again while connected */
    public RelayRoomWatcher(RelayConnectionConfig config, long pollMillis, RoomListListener listener) {
        this.listener = listener;
        this.pollMillis = pollMillis;
        this.relay = new RelayConnection(config, "relay-room-watcher", new Events());
    }

    /** Connects and keeps the list coming. */
    public void start() {
        relay.post(relay::start);
    }

    /** Asks for the list now, filtered by {@code tag} (empty: all rooms) from now on. */
    public void refresh(String newTag) {
        relay.post(() -> {
            tag = newTag == null ? "" : newTag;
            if (relay.isOpen()) {
                sendList();
            } else {
                relay.retryNow(); // the person asked: try again now instead of waiting out the backoff
            }
        });
    }

    @Override
    public void close() {
        relay.post(this::stopPolling);
        relay.close();
    }

    // ---- on the connection's thread ----

    private final class Events implements RelayConnection.Handler {
        @Override
        public void onOpen() {
            relay.succeeded();
            report(true, "");
            sendList();
            poll = relay.repeat(RelayRoomWatcher.this::sendList, pollMillis);
        }

        @Override
        public void onMessage(JsonObject msg) {
            String type = RelayMessages.text(msg, "type");
            if ("rooms".equals(type)) {
                listener.onRooms(rooms(msg.getAsJsonArray("rooms")));
            } else if ("error".equals(type)) {
                LOG.info("The relay refused the room list: {}", RelayErrors.sentence(RelayMessages.text(msg, "code"),
                        RelayMessages.text(msg, "message")));
            }
        }

        @Override
        public void onLost(String sentence, boolean neverOpened, long retryMillis) {
            stopPolling();
            report(false, sentence);
            LOG.debug("{} Retrying the room list in {} ms.", sentence, retryMillis);
        }
    }

    private void stopPolling() {
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
    }

    private void sendList() {
        JsonObject o = new JsonObject();
        o.addProperty("type", "list");
        o.addProperty("limit", LIST_LIMIT);
        if (!tag.isEmpty()) {
            o.addProperty("tag", tag);
        }
        relay.send(o.toString());
    }

    static List<RelayRoomDirectory.ListedRoom> rooms(JsonArray array) {
        List<RelayRoomDirectory.ListedRoom> rooms = new ArrayList<>();
        for (JsonElement e : array) {
            JsonObject o = e.getAsJsonObject();
            List<String> tags = new ArrayList<>();
            if (o.has("tags") && o.get("tags").isJsonArray()) {
                o.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
            }
            rooms.add(new RelayRoomDirectory.ListedRoom(o.get("room").getAsString(), o.get("members").getAsInt(), tags));
        }
        return rooms;
    }

    private void report(boolean now, String sentence) {
        if (reachable == null || reachable != now) {
            reachable = now;
            listener.onReachable(now, sentence);
        }
    }
}
