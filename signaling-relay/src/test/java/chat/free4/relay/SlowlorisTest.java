package chat.free4.relay;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, slowloris: connections that never finish the WebSocket upgrade were not counted per
 * address, and each byte restarted the idle timer. Now they count from accept, have a deadline for
 * the upgrade, and the relay has a cap on TCP connections.
 */
class SlowlorisTest {
    private RelayFixture f;
    private final List<HalfOpen> halfOpen = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws Exception {
        trickle.shutdownNow();
        for (HalfOpen h : halfOpen) {
            h.socket.close();
        }
        f.close();
    }

    /** A request that never ends: its start, then one header byte every 200 ms (each restarts idle timers). */
    private static final class HalfOpen {
        final Socket socket = new Socket();
        final CompletableFuture<Void> closedByRelay = new CompletableFuture<>();

        HalfOpen(URI uri, ScheduledExecutorService trickle) throws IOException {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1 HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            trickle.scheduleWithFixedDelay(() -> {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException closed) {
                    throw new IllegalStateException(closed); // ends this trickle
                }
            }, 200, 200, TimeUnit.MILLISECONDS);
            Thread reader = new Thread(() -> {
                try {
                    InputStream in = socket.getInputStream();
                    while (in.read() >= 0) {
                        // an error page, if any, before the close
                    }
                } catch (IOException reset) {
                    // closed too
                }
                closedByRelay.complete(null);
            }, "half-open-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private HalfOpen halfOpen() throws IOException {
        HalfOpen h = new HalfOpen(f.relay.uri(), trickle);
        halfOpen.add(h);
        return h;
    }

    @Test
    void halfOpenConnectionsCountPerAddressFromAcceptAndEndAtTheUpgradeDeadline() throws Exception {
        f = new RelayFixture(RelayFixture.loopback().withMaxConnectionsPerAddress(3)
                .withConnectionLimits(10_000, Duration.ofSeconds(2)));
        for (int i = 0; i < 10; i++) {
            halfOpen();
        }
        // At most twice the per-address WebSocket limit may be open at once: the other 4 go at once.
        await().atMost(TestClient.WAIT).until(() -> f.relay.metrics().refusedAtAccept() == 4);
        assertEquals(4, halfOpen.stream().filter(h -> h.closedByRelay.isDone()).count());
        for (HalfOpen h : halfOpen) {
            h.closedByRelay.get(TestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        assertEquals(6, f.relay.metrics().upgradeTimeouts(), "the admitted ones ended at the deadline");
        await().atMost(TestClient.WAIT).until(() -> f.relay.metrics().tcpConnections() == 0);

        TestClient client = f.connect();
        client.join("demo", "alice");
        client.roundTrip();
    }

    @Test
    void theRelayCapsTcpConnectionsAltogether() throws Exception {
        f = new RelayFixture(RelayFixture.loopback().withConnectionLimits(5, Duration.ofSeconds(60)));
        for (int i = 0; i < 5; i++) {
            halfOpen();
        }
        await().atMost(TestClient.WAIT).until(() -> f.relay.metrics().tcpConnections() == 5);
        HalfOpen sixth = halfOpen();
        sixth.closedByRelay.get(TestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(1, f.relay.metrics().refusedAtAccept());
        assertTrue(halfOpen.subList(0, 5).stream().noneMatch(h -> h.closedByRelay.isDone()));
    }
}
