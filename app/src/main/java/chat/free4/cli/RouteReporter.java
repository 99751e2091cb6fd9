package chat.free4.cli;

import chat.free4.engine.EngineListener;
import chat.free4.engine.PeerView;
import chat.free4.engine.VoiceEngine;
import chat.free4.mesh.ConnectionRoute;
import chat.free4.mesh.PeerConnectionStatus;

/**
 * Prints how each connection goes once it is up ("alice: route via relay server (TURN) [relay/host
 * udp], 3 ms"), read from WebRTC statistics, so a person or a test sees whether a call is direct,
 * through a router's mapping or through TURN.
 */
final class RouteReporter implements EngineListener {
    private final VoiceEngine engine;
    private final ConsoleReporter out;

    RouteReporter(VoiceEngine engine, ConsoleReporter out) {
        this.engine = engine;
        this.out = out;
    }

    @Override
    public void onPeerStatus(PeerView peer) {
        if (peer.status() != PeerConnectionStatus.CONNECTED) {
            return;
        }
        engine.stats(peer.id()).thenAccept(report -> ConnectionRoute.of(report)
                .ifPresent(route -> out.line(peer.name() + ": route " + route.describe())));
    }
}
