package chat.free4.cli;

import chat.free4.engine.EngineListener;
import chat.free4.engine.PeerView;
import chat.free4.session.RoomSession;
import chat.free4.mesh.ConnectionRoute;
import chat.free4.peer.PeerConnectionStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints how each connection goes once it is up ("alice: route via relay server (TURN) [relay/host
 * udp], 3 ms, 0.0 % loss"), read from WebRTC statistics, so a person or a test sees whether a call
 * is direct, through a router's mapping or through TURN; with {@code everyMillis > 0} also again
 * that often for every connected peer (round-trip time and loss change during a call).
 */
final class RouteReporter implements EngineListener, AutoCloseable {
    private final RoomSession session;
    private final ConsoleReporter out;
    private final ScheduledExecutorService timer;

    RouteReporter(RoomSession session, ConsoleReporter out, long everyMillis) {
        this.session = session;
        this.out = out;
        if (everyMillis > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "route-report");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::reportAll, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    @Override
    public void onPeerStatus(PeerView peer) {
        if (peer.status() == PeerConnectionStatus.CONNECTED) {
            report(peer);
        }
    }

    private void reportAll() {
        session.snapshot().peers().stream().filter(p -> p.status() == PeerConnectionStatus.CONNECTED).forEach(this::report);
    }

    private void report(PeerView peer) {
        session.route(peer.id()).thenAccept(known -> known
                .ifPresent(route -> out.line(peer.name() + ": route " + route.describe())));
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
