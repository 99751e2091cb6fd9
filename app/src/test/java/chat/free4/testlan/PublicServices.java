package chat.free4.testlan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the public side of a {@link SimulatedInternet} on its public host: a real coturn
 * ({@code turnserver}, REST-API credentials from a shared secret) and a real relay JVM
 * ({@code RelayMain}) with the options a test asks for.
 */
public final class PublicServices {
    public static final int TURN_PORT = 3478;
    public static final int RELAY_PORT = 8443;
    private static final Duration START = Duration.ofSeconds(90);

    private PublicServices() {
    }

    /** coturn on 198.19.0.10:3478 (UDP and TCP), its pid file and database in {@code dir}. */
    public static ChildPeer coturn(SimulatedInternet net, String secret, Path dir) throws IOException {
        return coturn(net, secret, dir, List.of());
    }

    /** coturn with extra options (e.g. {@code --max-allocate-lifetime=20}). */
    public static ChildPeer coturn(SimulatedInternet net, String secret, Path dir, List<String> extra) throws IOException {
        String ip = SimulatedInternet.PUBLIC_IP;
        List<String> command = new ArrayList<>(List.of(
                NatTestEnvironment.onPath("turnserver").toString(), "-n",
                "--listening-ip=" + ip, "--relay-ip=" + ip, "--external-ip=" + ip,
                "--listening-port=" + TURN_PORT, "--min-port=49152", "--max-port=49400",
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=free4chat.test",
                "--no-tls", "--no-dtls", "--no-cli", "--log-file=stdout", "--simple-log",
                "--pidfile=" + dir.resolve("turnserver.pid"), "--userdb=" + dir.resolve("turndb")));
        command.addAll(extra);
        ChildPeer turn = net.startProgram(net.publicHost(), "coturn", command);
        turn.awaitLine("Total General servers", START);
        return turn;
    }

    /** The relay on ws://198.19.0.10:8443/v1 with these extra options (e.g. --stun URL). */
    public static ChildPeer relay(SimulatedInternet net, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--bind", SimulatedInternet.PUBLIC_IP, "--port", Integer.toString(RELAY_PORT)));
        args.addAll(options);
        ChildPeer relay = net.startJava(net.publicHost(), "relay", "chat.free4.relay.RelayMain", args);
        relay.awaitLine("Relay ready on", START);
        return relay;
    }

    public static String relayUrl() {
        return "ws://" + SimulatedInternet.PUBLIC_IP + ":" + RELAY_PORT + "/v1";
    }

    public static String stunUrl() {
        return "stun:" + SimulatedInternet.PUBLIC_IP + ":" + TURN_PORT;
    }

    public static String turnUrl(String transport) {
        return "turn:" + SimulatedInternet.PUBLIC_IP + ":" + TURN_PORT + "?transport=" + transport;
    }
}
