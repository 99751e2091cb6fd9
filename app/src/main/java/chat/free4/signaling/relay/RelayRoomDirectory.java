package chat.free4.signaling.relay;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** Asks a relay once for its public rooms (protocol v1 {@code list}). */
public final class RelayRoomDirectory {

    /** A listed room. */
    public record ListedRoom(String room, int members, List<String> tags) {
    }

    /** One page of the listing. */
    public record Page(List<ListedRoom> rooms, int total, int offset) {
    }

    private RelayRoomDirectory() {
    }

    /**
     * Lists public rooms, hottest first. Throws {@link RelayUnavailableException} with a sentence
     * when the relay cannot be asked.
     */
    public static Page list(URI relay, String tag, int offset, int limit, Duration timeout) {
        WebSocketClient client = new WebSocketClient();
        Query query = new Query(tag, offset, limit);
        try {
            client.setConnectTimeout(timeout.toMillis());
            client.setMaxTextMessageSize(RelayMessages.MAX_INCOMING_TEXT_BYTES);
            client.start();
            client.connect(query, relay).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return query.answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RelayUnavailableException r) {
                throw r;
            }
            throw new RelayUnavailableException(RelayErrors.connectFailure(relay, cause));
        } catch (TimeoutException e) {
            throw new RelayUnavailableException(RelayErrors.connectFailure(relay, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayUnavailableException("Interrupted while asking the relay.");
        } catch (Exception e) {
            throw new RelayUnavailableException(RelayErrors.connectFailure(relay, e));
        } finally {
            try {
                client.stop();
            } catch (Exception ignored) {
                // Stopping a client that failed to start: nothing left to release.
            }
        }
    }

    /** The endpoint of the one-shot query; public for Jetty's method lookup. */
    public static final class Query implements Session.Listener.AutoDemanding {
        private final String tag;
        private final int offset;
        private final int limit;
        final CompletableFuture<Page> answer = new CompletableFuture<>();

        Query(String tag, int offset, int limit) {
            this.tag = tag;
            this.offset = offset;
            this.limit = limit;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            JsonObject o = new JsonObject();
            o.addProperty("type", "list");
            if (tag != null && !tag.isBlank()) {
                o.addProperty("tag", tag);
            }
            o.addProperty("offset", offset);
            o.addProperty("limit", limit);
            session.sendText(o.toString(), Callback.NOOP);
            answer.whenComplete((page, error) -> session.close(1000, "bye", Callback.NOOP));
        }

        @Override
        public void onWebSocketText(String text) {
            try {
                JsonObject msg = JsonParser.parseString(text).getAsJsonObject();
                String type = RelayMessages.text(msg, "type");
                if ("error".equals(type)) {
                    answer.completeExceptionally(new RelayUnavailableException(
                            RelayErrors.sentence(RelayMessages.text(msg, "code"), RelayMessages.text(msg, "message"))));
                } else if ("rooms".equals(type)) {
                    List<ListedRoom> rooms = new ArrayList<>();
                    for (JsonElement e : msg.getAsJsonArray("rooms")) {
                        JsonObject r = e.getAsJsonObject();
                        List<String> tags = new ArrayList<>();
                        if (r.has("tags")) {
                            for (JsonElement t : r.getAsJsonArray("tags")) {
                                tags.add(t.getAsString());
                            }
                        }
                        rooms.add(new ListedRoom(RelayMessages.text(r, "room"), r.get("members").getAsInt(), tags));
                    }
                    int total = msg.has("total") ? msg.get("total").getAsInt() : rooms.size();
                    int at = msg.has("offset") ? msg.get("offset").getAsInt() : 0;
                    answer.complete(new Page(rooms, total, at));
                }
            } catch (RuntimeException e) {
                answer.completeExceptionally(new RelayUnavailableException("The relay sent a room list we could not read."));
            }
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            answer.completeExceptionally(cause);
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            answer.completeExceptionally(new RelayUnavailableException("The relay closed the connection before answering."));
        }
    }
}
