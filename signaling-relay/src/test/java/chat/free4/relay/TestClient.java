package chat.free4.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A real WebSocket client for tests: records every message and the close status. */
public final class TestClient implements Session.Listener.AutoDemanding, AutoCloseable {
    // Generous: the shared build machine is often heavily loaded; passing tests do not wait for it.
    static final Duration WAIT = Duration.ofSeconds(20);

    record CloseStatus(int code, String reason) {
    }

    private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    private volatile Session session;

    static TestClient connect(WebSocketClient client, URI uri) throws Exception {
        TestClient test = new TestClient();
        client.connect(test, uri).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return test;
    }

    /** Connects with extra upgrade headers, e.g. what a reverse proxy adds. */
    static TestClient connect(WebSocketClient client, URI uri, java.util.Map<String, String> headers) throws Exception {
        TestClient test = new TestClient();
        org.eclipse.jetty.websocket.client.ClientUpgradeRequest upgrade = new org.eclipse.jetty.websocket.client.ClientUpgradeRequest();
        headers.forEach(upgrade::setHeader);
        client.connect(test, uri, upgrade).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return test;
    }

    private volatile String lastText;

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
    }

    @Override
    public void onWebSocketText(String message) {
        lastText = message;
        inbox.add(JsonParser.parseString(message).getAsJsonObject());
    }

    /** The text of the newest message as it came off the wire (before it is parsed). */
    String lastText() {
        return lastText;
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        pongs.add(payload);
    }

    /** Sends a WebSocket-level ping frame and returns the payload of the pong frame that answers it. */
    ByteBuffer webSocketPing(byte[] payload) throws Exception {
        Callback.Completable done = new Callback.Completable();
        session.sendPing(ByteBuffer.wrap(payload), done);
        done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        ByteBuffer pong = pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(pong, "no pong frame within " + WAIT);
        return pong;
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed.complete(new CloseStatus(statusCode, reason));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.complete(new CloseStatus(-1, cause.toString()));
    }

    /** Sends a text frame and waits until it was written. */
    void send(String text) throws Exception {
        Callback.Completable done = new Callback.Completable();
        session.sendText(text, done);
        done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void send(JsonObject message) throws Exception {
        send(message.toString());
    }

    void sendBinary(byte[] bytes) throws Exception {
        Callback.Completable done = new Callback.Completable();
        session.sendBinary(ByteBuffer.wrap(bytes), done);
        done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next message, waiting up to {@link #WAIT}. */
    JsonObject next() throws InterruptedException {
        JsonObject message = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(message, "no message arrived within " + WAIT);
        return message;
    }

    JsonObject expect(String type) throws InterruptedException {
        JsonObject message = next();
        assertEquals(type, message.get("type").getAsString(), "unexpected message " + message);
        return message;
    }

    /** Expects an error with {@code code} next. */
    JsonObject expectError(String code) throws InterruptedException {
        JsonObject error = expect("error");
        assertEquals(code, error.get("code").getAsString(), "unexpected error " + error);
        assertNotNull(error.get("message"));
        return error;
    }

    /** Pings and waits for the pong: proves the connection still works and that earlier replies came first. */
    void roundTrip() throws Exception {
        String id = "rt-" + System.nanoTime();
        send("{\"type\":\"ping\",\"id\":\"" + id + "\"}");
        JsonObject pong = expect("pong");
        assertEquals(id, pong.get("id").getAsString());
    }

    /** Pings and drops every message before the pong; afterwards all earlier replies have been received. */
    void drainUntilPong() throws Exception {
        String id = "drain-" + System.nanoTime();
        send("{\"type\":\"ping\",\"id\":\"" + id + "\"}");
        while (true) {
            JsonObject m = next();
            if (m.get("type").getAsString().equals("pong") && id.equals(m.get("id").getAsString())) {
                return;
            }
        }
    }

    /** Messages received but not yet taken (only meaningful after a round trip). */
    int pending() {
        return inbox.size();
    }

    JsonObject join(String room, String name) throws Exception {
        return join(room, name, null);
    }

    JsonObject join(String room, String name, String peerId) throws Exception {
        JsonObject join = joinMessage(room, name);
        if (peerId != null) {
            join.addProperty("peerId", peerId);
        }
        send(join);
        return expect("joined");
    }

    static JsonObject joinMessage(String room, String name) {
        JsonObject join = new JsonObject();
        join.addProperty("type", "join");
        join.addProperty("room", room);
        join.addProperty("name", name);
        return join;
    }

    static JsonObject signal(String to, JsonObject payload) {
        JsonObject signal = new JsonObject();
        signal.addProperty("type", "signal");
        signal.addProperty("to", to);
        signal.add("payload", payload);
        return signal;
    }

    static JsonObject payload(String kind, String sdp) {
        JsonObject payload = new JsonObject();
        payload.addProperty("kind", kind);
        payload.addProperty("sdp", sdp);
        return payload;
    }

    static JsonObject tagged(JsonObject join, String... tags) {
        JsonArray array = new JsonArray();
        for (String tag : tags) {
            array.add(tag);
        }
        join.add("tags", array);
        return join;
    }

    CloseStatus awaitClose() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen() && !closed.isDone();
    }

    @Override
    public void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close();
        }
    }
}
