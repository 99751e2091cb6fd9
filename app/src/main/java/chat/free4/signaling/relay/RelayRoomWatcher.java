package chat.free4.signaling.relay;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the relay's public room list fresh for the lobby (unlike the one-shot
 * {@link RelayRoomDirectory#list}): one WebSocket that never joins a room,
 * sends {@code list} every few seconds (that also keeps it alive), reconnects with capped backoff
 * when the relay goes away, and reports reachability in words. All state lives on one thread.
 */
public final class RelayRoomWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayRoomWatcher.class);
    private static final int LIST_LIMIT = 100;

    private final RelayConnectionConfig config;
    private final RoomListListener listener;
    private final long pollMillis;
    private final ScheduledExecutorService thread;
    private final WebSocketClient client;
    private Connection connection;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> reconnect;
    private String tag = "";
    private int failures;
    private Boolean reachable;
    private boolean closed;

    /** @param pollMillis how often the list is asked for again while connected */
    public RelayRoomWatcher(RelayConnectionConfig config, long pollMillis, RoomListListener listener) {
        this.config = config;
        this.listener = listener;
        this.pollMillis = pollMillis;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-room-watcher");
            t.setDaemon(true);
            return t;
        });
        this.client = new WebSocketClient();
        client.setConnectTimeout(config.connectTimeout().toMillis());
        client.setMaxTextMessageSize(RelayMessages.MAX_INCOMING_TEXT_BYTES);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the WebSocket client.", e);
        }
    }

    /** Connects (if needed) and keeps the list coming. */
    public void start() {
        thread.execute(this::connect);
    }

    /** Asks for the list now, filtered by {@code tag} (empty: all rooms) from now on. */
    public void refresh(String newTag) {
        thread.execute(() -> {
            tag = newTag == null ? "" : newTag;
            if (connection != null && connection.opened) {
                sendList();
            } else if (reconnect != null) {
                // The person asked: try again now instead of waiting out the backoff.
                reconnect.cancel(false);
                reconnect = null;
                connect();
            }
        });
    }

    @Override
    public void close() {
        thread.execute(() -> {
            closed = true;
            cancelTimers();
            if (connection != null) {
                connection.close();
                connection = null;
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.stop();
        } catch (Exception e) {
            LOG.debug("Stopping the WebSocket client failed", e);
        }
    }

    // ---- on the directory thread ----

    private void connect() {
        if (closed || connection != null) {
            return;
        }
        Connection attempt = new Connection();
        connection = attempt;
        try {
            client.connect(attempt, config.relay()).whenComplete((session, error) -> post(() -> {
                if (error != null && attempt == connection) {
                    LOG.debug("Room list connection failed", error);
                    lost(RelayErrors.connectFailure(config.relay(), error));
                }
            }));
        } catch (Exception e) {
            LOG.debug("Room list connection failed", e);
            lost(RelayErrors.connectFailure(config.relay(), e));
        }
    }

    private void lost(String sentence) {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        cancelTimers();
        if (closed) {
            return;
        }
        report(false, sentence);
        long delay = Math.min(config.maxBackoff().toMillis(), config.firstBackoff().toMillis() << Math.min(failures, 20));
        failures++;
        LOG.debug("{} Retrying the room list in {} ms.", sentence, delay);
        reconnect = thread.schedule(() -> {
            reconnect = null;
            connect();
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void onOpen(Connection c) {
        if (c != connection || closed) {
            c.close();
            return;
        }
        failures = 0;
        report(true, "");
        sendList();
        poll = thread.scheduleAtFixedRate(this::sendList, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void sendList() {
        if (connection == null) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", "list");
        o.addProperty("limit", LIST_LIMIT);
        if (!tag.isEmpty()) {
            o.addProperty("tag", tag);
        }
        connection.send(o.toString());
    }

    private void onText(Connection c, String text) {
        if (c != connection || closed) {
            return;
        }
        try {
            JsonObject msg = JsonParser.parseString(text).getAsJsonObject();
            String type = RelayMessages.text(msg, "type");
            if ("rooms".equals(type)) {
                listener.onRooms(rooms(msg.getAsJsonArray("rooms")));
            } else if ("error".equals(type)) {
                LOG.info("The relay refused the room list: {}", RelayErrors.sentence(RelayMessages.text(msg, "code"),
                        RelayMessages.text(msg, "message")));
            }
        } catch (RuntimeException e) {
            LOG.warn("The relay sent a room list we could not read; ignoring it");
        }
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

    private void cancelTimers() {
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
    }

    /** Jetty may call back after close(); those late events are dropped. */
    private void post(Runnable task) {
        try {
            thread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Relay directory closed; dropping a late event");
        }
    }

    private void onClosed(Connection c, String why) {
        if (c == connection) {
            lost(why);
        }
    }

    /** One WebSocket connection; events are handed to the directory thread. Public because Jetty binds its methods by reflection. */
    public final class Connection implements Session.Listener.AutoDemanding {
        private volatile Session session;
        private volatile boolean opened;
        private volatile boolean closing;

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            opened = true;
            if (closing) {
                s.close(1000, "bye", Callback.NOOP);
                return;
            }
            post(() -> onOpen(this));
        }

        @Override
        public void onWebSocketText(String text) {
            post(() -> onText(this, text));
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            post(() -> onClosed(this, "The connection to the relay closed."));
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            post(() -> onClosed(this, opened ? "The connection to the relay broke."
                    : RelayErrors.connectFailure(config.relay(), cause)));
        }

        void send(String text) {
            Session s = session;
            if (s != null && s.isOpen()) {
                s.sendText(text, Callback.NOOP);
            }
        }

        void close() {
            if (closing) {
                return;
            }
            closing = true;
            Session s = session;
            if (s != null) {
                s.close(1000, "bye", Callback.NOOP);
            }
        }
    }
}
