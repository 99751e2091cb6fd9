package chat.free4.signaling.relay;

import chat.free4.signaling.ListedRoom;
import chat.free4.signaling.RoomDirectory;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's public rooms as a {@link RoomDirectory} (get one from {@link RelayRooms}): a
 * {@link RelayConnection} that never joins a room, sends {@code list} every few seconds (that also
 * keeps it alive), reconnects with capped backoff when the relay goes away, and reports
 * reachability in words. All state lives on the connection's thread, which calls the listener.
 */
public final class RelayRoomWatcher implements RoomDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(RelayRoomWatcher.class);
    /** The most the relay lists in one answer (docs/PROTOCOL.md). */
    static final int MAX_LIMIT = 100;

    private final Listener listener;
    private final long pollMillis;
    private final int limit;
    private final RelayConnection relay;
    private ScheduledFuture<?> poll;
    private String tag = "";
    private Boolean reachable;

    /**
     * @param pollMillis how often the list is asked for again while connected
     * @param limit      at most this many rooms in each answer (1 to 100)
     */
    RelayRoomWatcher(RelayConnectionConfig config, long pollMillis, int limit, Listener listener) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A relay lists 1 to " + MAX_LIMIT + " rooms at a time.");
        }
        this.listener = listener;
        this.pollMillis = pollMillis;
        this.limit = limit;
        this.relay = new RelayConnection(config, "relay-room-watcher", new Events());
    }

    /** Connects and keeps the list coming. */
    @Override
    public void start() {
        relay.post(relay::start);
    }

    /** Asks for the list now, filtered by {@code tag} (empty: all rooms) from now on. */
    @Override
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
                List<ListedRoom> rooms = rooms(msg.getAsJsonArray("rooms"));
                listener.onRooms(rooms, msg.has("total") ? msg.get("total").getAsInt() : rooms.size());
            } else if ("error".equals(type)) {
                String sentence = RelayErrors.sentence(RelayMessages.text(msg, "code"), RelayMessages.text(msg, "message"));
                LOG.info("The relay refused the room list: {}", sentence);
                listener.onRefused(sentence);
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
        o.addProperty("limit", limit);
        if (!tag.isEmpty()) {
            o.addProperty("tag", tag);
        }
        relay.send(o.toString());
    }

    static List<ListedRoom> rooms(JsonArray array) {
        List<ListedRoom> rooms = new ArrayList<>();
        for (JsonElement e : array) {
            JsonObject o = e.getAsJsonObject();
            List<String> tags = new ArrayList<>();
            if (o.has("tags") && o.get("tags").isJsonArray()) {
                o.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
            }
            rooms.add(new ListedRoom(o.get("room").getAsString(), o.get("members").getAsInt(), tags));
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
