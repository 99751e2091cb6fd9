package chat.free4.relay;

import chat.free4.relay.config.RelayConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.free4.relay.protocol.ErrorCode;
import com.google.gson.JsonObject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;

/** Every limit refuses with its own code, handles only the offender, and leaves others working. */
class LimitsTest {

    @Test
    void oversizedFrameClosesWith1009AndOthersGoOn() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxFrameBytes(1024))) {
            TestClient bystander = f.connect();
            bystander.join("demo", "bystander");
            TestClient offender = f.connect();
            offender.join("demo", "offender");
            bystander.expect("peer-joined");

            offender.send("{\"type\":\"ping\",\"id\":\"" + "x".repeat(2000) + "\"}");
            assertEquals(1009, offender.awaitClose().code());
            bystander.expect("peer-left");
            bystander.roundTrip();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> f.relay.metrics().refused(ErrorCode.FRAME_TOO_LARGE) == 1);

            // Exactly at the limit is fine.
            String id = "y".repeat(1024 - "{\"type\":\"ping\",\"id\":\"\"}".length());
            bystander.send("{\"type\":\"ping\",\"id\":\"" + id + "\"}");
            assertEquals(id, bystander.expect("pong").get("id").getAsString());
        }
    }

    @Test
    void signalAtTheFrameLimitIsForwardedWhole() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxFrameBytes(4096))) {
            TestClient a = f.connect();
            TestClient b = f.connect();
            a.join("demo", "a", "peer-aaaa");
            b.join("demo", "b", "peer-bbbb");
            a.expect("peer-joined");
            String frame = "{\"type\":\"signal\",\"to\":\"peer-bbbb\",\"payload\":{\"sdp\":\"\"}}";
            String sdp = "s".repeat(4096 - frame.length());
            a.send("{\"type\":\"signal\",\"to\":\"peer-bbbb\",\"payload\":{\"sdp\":\"" + sdp + "\"}}");
            assertEquals(sdp, b.expect("signal").getAsJsonObject("payload").get("sdp").getAsString());
        }
    }

    @Test
    void frameAnnouncingAHugePayloadIsRefusedFromItsHeaderBeforeAnyPayloadArrives() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback());
             RawWebSocket raw = RawWebSocket.open(f.relay.uri(), 0)) {
            raw.sendHeaderOnly(0x1, 1L << 30); // claims 1 GiB
            raw.sendBytes(new byte[16]); // and sends 16 bytes of it
            assertEquals(1009, raw.readUntilClose());
        }
    }

    @Test
    void frameJustOverTheLimitIsRefusedWith1009() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxFrameBytes(1024));
             RawWebSocket raw = RawWebSocket.open(f.relay.uri(), 0)) {
            raw.sendText("{\"type\":\"ping\",\"id\":\"" + "x".repeat(1025) + "\"}");
            assertEquals(1009, raw.readUntilClose());
        }
    }

    @Test
    void textFrameWithInvalidUtf8IsClosedAndOthersGoOn() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback());
             RawWebSocket raw = RawWebSocket.open(f.relay.uri(), 0)) {
            TestClient bystander = f.connect();
            raw.sendFrame(0x1, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
            assertEquals(1007, raw.readUntilClose());
            bystander.roundTrip();
        }
    }

    @Test
    void floodIsRateLimitedThenClosedWith1008() throws Exception {
        RelayConfig config = RelayFixture.loopback().withRate(5, 0.001).withRateViolationsBeforeClose(3);
        try (RelayFixture f = new RelayFixture(config)) {
            TestClient bystander = f.connect();
            TestClient flooder = f.connect();
            for (int i = 0; i < 5; i++) {
                flooder.send("{\"type\":\"ping\"}");
            }
            for (int i = 0; i < 5; i++) {
                flooder.expect("pong");
            }
            // One ping at a time, each answered (warning or close) before the next: a client that kept
            // writing after the relay closed would get a TCP reset that can overtake the close frame.
            for (int sent = 0; flooder.isOpen() && sent < 50; sent++) {
                int answered = flooder.pending();
                flooder.send("{\"type\":\"ping\"}");
                await().atMost(TestClient.WAIT).until(() -> flooder.pending() > answered || !flooder.isOpen());
            }
            TestClient.CloseStatus status = flooder.awaitClose();
            assertEquals(1008, status.code());
            assertEquals("rate_limited", status.reason());
            int warnings = 0;
            while (flooder.pending() > 0) {
                JsonObject m = flooder.next();
                assertEquals("rate_limited", m.get("code").getAsString(), "only rate_limited errors, got " + m);
                warnings++;
            }
            assertTrue(warnings >= 3, "at least 3 warnings before the close, got " + warnings);
            bystander.roundTrip();
        }
    }

    @Test
    void fullRoomRefusesTheNextPeerUntilSomeoneLeaves() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxPeersPerRoom(2))) {
            TestClient a = f.connect();
            TestClient b = f.connect();
            TestClient c = f.connect();
            assertEquals(2, a.join("demo", "a").get("maxPeers").getAsInt());
            b.join("demo", "b");
            a.expect("peer-joined");
            c.send(TestClient.joinMessage("demo", "c"));
            c.expectError("room_full");
            a.roundTrip();
            assertEquals(0, a.pending(), "a did not hear about c");

            b.send("{\"type\":\"leave\"}");
            b.expect("left");
            a.expect("peer-left");
            c.join("demo", "c");
            a.expect("peer-joined");
        }
    }

    @Test
    void roomLimitRefusesNewRoomsButNotJoiningExistingOnes() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxRooms(2))) {
            TestClient a = f.connect();
            TestClient b = f.connect();
            TestClient c = f.connect();
            a.join("one", "a");
            b.join("two", "b");
            c.send(TestClient.joinMessage("three", "c"));
            c.expectError("too_many_rooms");
            c.join("one", "c");
            a.expect("peer-joined");
            b.send("{\"type\":\"leave\"}");
            b.expect("left");
            assertEquals(1, f.relay.rooms());
            b.join("three", "b");
            assertEquals(2, f.relay.rooms());
        }
    }

    @Test
    void connectionsPerAddressAreCappedAndOtherAddressesAreNot() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withMaxConnectionsPerAddress(3))) {
            TestClient[] allowed = {f.connect(), f.connect(), f.connect()};
            TestClient extra = f.connect();
            extra.expectError("too_many_connections");
            TestClient.CloseStatus status = extra.awaitClose();
            assertEquals(1008, status.code());
            for (TestClient c : allowed) {
                c.roundTrip();
            }

            HttpClient http = new HttpClient();
            http.setBindAddress(new InetSocketAddress("127.0.0.2", 0));
            WebSocketClient fromOtherAddress = new WebSocketClient(http);
            fromOtherAddress.start();
            try {
                TestClient other = TestClient.connect(fromOtherAddress, f.relay.uri());
                other.roundTrip();
                other.close();
            } finally {
                fromOtherAddress.stop();
            }

            allowed[0].close();
            await().atMost(Duration.ofSeconds(10)).until(() -> f.relay.connections() == 2);
            TestClient again = f.connect();
            again.roundTrip();
        }
    }

    @Test
    void silentConnectionIsClosedWithIdleTimeoutWhileAPingingOneStays() throws Exception {
        try (RelayFixture f = new RelayFixture(RelayFixture.loopback().withIdleTimeout(Duration.ofMillis(2000)))) {
            TestClient silent = f.connect();
            TestClient pinging = f.connect();
            pinging.join("demo", "pinging");
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            try {
                timer.scheduleAtFixedRate(() -> {
                    try {
                        pinging.send("{\"type\":\"ping\"}");
                    } catch (Exception ignored) {
                        // The assertion below reports a closed connection.
                    }
                }, 0, 100, TimeUnit.MILLISECONDS);
                silent.expectError("idle_timeout");
                TestClient.CloseStatus status = silent.awaitClose();
                assertEquals(1001, status.code());
                assertEquals("idle_timeout", status.reason());
                assertTrue(pinging.isOpen());
            } finally {
                timer.shutdownNow();
            }
        }
    }

    @Test
    void clientThatStopsReadingIsDroppedAndItsRoomGoesOn() throws Exception {
        RelayConfig config = RelayFixture.loopback().withMaxOutboundQueue(8).withRate(100_000, 100_000);
        try (RelayFixture f = new RelayFixture(config);
             RawWebSocket stuck = RawWebSocket.open(f.relay.uri(), 4096)) {
            TestClient sender = f.connect();
            sender.join("demo", "sender");
            stuck.sendText("{\"type\":\"join\",\"room\":\"demo\",\"name\":\"stuck\",\"peerId\":\"stuck-0001\"}");
            // The flood must reach a member: sent before its join was handled, it was refused as unknown_peer.
            assertEquals("stuck-0001", sender.expect("peer-joined").getAsJsonObject("peer").get("peerId").getAsString());
            String big = "z".repeat(30_000);
            int sent = 0;
            while (f.relay.metrics().refused(ErrorCode.SLOW_CONSUMER) == 0 && sent < 10_000) {
                sender.send(TestClient.signal("stuck-0001", TestClient.payload("offer", big)));
                sent++;
            }
            assertEquals(1, f.relay.metrics().refused(ErrorCode.SLOW_CONSUMER), "sent " + sent + " " + java.util.Arrays.stream(ErrorCode.values()).filter(c -> f.relay.metrics().refused(c) > 0).map(c -> c + "=" + f.relay.metrics().refused(c)).toList());
            // The relay drops it (after the close grace) and tells the room.
            JsonObject left = null;
            while (left == null) {
                JsonObject m = sender.next();
                if (m.get("type").getAsString().equals("peer-left")) {
                    left = m;
                }
            }
            assertEquals("stuck-0001", left.get("peerId").getAsString());
            sender.roundTrip();
        }
    }
}
