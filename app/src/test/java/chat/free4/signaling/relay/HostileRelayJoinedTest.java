package chat.free4.signaling.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.free4.peer.PeerId;
import chat.free4.peer.PeerInfo;
import chat.free4.signaling.RoomRequest;
import chat.free4.signaling.SignalPayload;
import chat.free4.signaling.SignalingListener;
import chat.free4.signaling.SignalingState;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, a hostile relay: {@code joined.maxPeers: 0} turned off the client's peer cap, and names
 * from the relay reached the UI unchecked (bidi overrides). The client trusts nothing from a relay
 * that it would refuse from a peer. The relay here is a fake on loopback that answers any join with
 * what a hostile relay could send.
 */
class HostileRelayJoinedTest {

    private static final String JOINED = "{\"type\":\"joined\",\"room\":\"kitchen\",\"peerId\":\"%s\",\"maxPeers\":0,"
            + "\"peers\":[{\"peerId\":\"good-peer-1\",\"name\":\"Ada\\u202Egnp.exe\"},"
            + "{\"peerId\":\"bad id!\",\"name\":\"x\"},{\"peerId\":\"good-peer-2\",\"name\":\"\\u0000\\u200B\"},"
            + "{\"name\":\"no id\"},17],\"iceServers\":[]}";
    private static final String PEER_JOINED = "{\"type\":\"peer-joined\",\"peer\":{\"peerId\":\"good-peer-3\","
            + "\"name\":\"B\\u0007ob\\u2028 \\u202Dthe\\u00A0builder and a very long tail after it\"}}";

    @Test
    void aRelaysZeroPeerLimitAndUnshowableNamesDoNotReachTheMesh() throws Exception {
        try (FakeRelay relay = FakeRelay.start()) {
            Heard heard = new Heard();
            try (RelaySignaling client = new RelaySignaling(RelayConnectionConfig.of(relay.uri))) {
                client.join(new RoomRequest("kitchen", "me", PeerId.random(), false, List.of()), heard);
                assertEquals(8, heard.maxPeers.get(10, TimeUnit.SECONDS), "a relay's 0 is not 'no limit'");
                assertEquals(List.of(new PeerInfo(new PeerId("good-peer-1"), "Adagnp.exe"),
                        new PeerInfo(new PeerId("good-peer-2"), "Someone")), heard.members.get(10, TimeUnit.SECONDS));
                assertEquals(new PeerInfo(new PeerId("good-peer-3"), "Bob the builder and a very long"),
                        heard.joined.poll(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void garbledLimitsGiveTheMeshLimit() {
        for (String value : List.of("0", "-3", "1", "1e12", "\"8\"", "null", "9")) {
            com.google.gson.JsonObject joined = com.google.gson.JsonParser.parseString(
                    "{\"type\":\"joined\",\"maxPeers\":" + value + "}").getAsJsonObject();
            assertEquals(8, RelayMessages.maxPeers(joined), value);
        }
        assertEquals(4, RelayMessages.maxPeers(com.google.gson.JsonParser.parseString("{\"maxPeers\":4}").getAsJsonObject()));
    }

    /** What the client tells the mesh. */
    static final class Heard implements SignalingListener {
        final CompletableFuture<Integer> maxPeers = new CompletableFuture<>();
        final CompletableFuture<List<PeerInfo>> members = new CompletableFuture<>();
        final BlockingQueue<PeerInfo> joined = new LinkedBlockingQueue<>();

        @Override
        public void onJoined(PeerId self, List<PeerInfo> present) {
        }

        @Override
        public void onJoined(PeerId self, List<PeerInfo> present, int limit) {
            members.complete(present);
            maxPeers.complete(limit);
        }

        @Override
        public void onPeerJoined(PeerInfo peer) {
            joined.add(peer);
        }

        @Override
        public void onPeerLeft(PeerId peer) {
        }

        @Override
        public void onSignal(PeerId from, SignalPayload payload) {
        }

        @Override
        public void onStateChanged(SignalingState state, String reason) {
        }

        @Override
        public void onError(String code, String message) {
        }
    }

    /** Answers every join with {@link #JOINED} and then {@link #PEER_JOINED}. */
    static final class FakeRelay implements AutoCloseable {
        final Server server;
        final URI uri;

        private FakeRelay(Server server, URI uri) {
            this.server = server;
            this.uri = uri;
        }

        static FakeRelay start() throws Exception {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(WebSocketUpgradeHandler.from(server, container ->
                    container.addMapping("/v1", (request, response, callback) -> new Hostile())));
            server.start();
            return new FakeRelay(server, URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/v1"));
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /** Public for Jetty's method lookup. */
    public static final class Hostile implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
        }

        @Override
        public void onWebSocketText(String message) {
            if (message.contains("\"join\"")) {
                String peerId = com.google.gson.JsonParser.parseString(message).getAsJsonObject().get("peerId").getAsString();
                session.sendText(String.format(JOINED, peerId), Callback.NOOP);
                session.sendText(PEER_JOINED, Callback.NOOP);
            }
        }
    }
}
