package chat.free4.cli;

import chat.free4.signaling.ConfiguredIceServers;
import chat.free4.signaling.IceServer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --ice-server URL} (repeatable) with {@code --ice-username}/{@code --ice-password} for
 * TURN: the STUN/TURN servers a person names on top of the relay's own. The credentials apply to
 * every TURN URL given (one TURN server is often named twice, for UDP and for TCP).
 */
final class IceOptions {
    @Option(names = "--ice-server", paramLabel = "URL", description = "A STUN or TURN server besides the relay's, "
            + "e.g. stun:stun.example.org:3478 or turn:turn.example.org:3478?transport=tcp (repeatable).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--ice-username", paramLabel = "NAME", description = "Username for the --ice-server TURN servers.")
    String username = "";

    @Option(names = "--ice-password", paramLabel = "PASSWORD", description = "Password for the --ice-server TURN servers.")
    String password = "";

    @Option(names = "--relay-candidates-only", description = "Connect only through TURN servers (to test one).")
    boolean relayOnly;

    /** The servers that passed the checks, and a sentence for each that did not. */
    ConfiguredIceServers check() {
        List<ConfiguredIceServers.Entry> entries = new ArrayList<>();
        for (String url : urls) {
            entries.add(new ConfiguredIceServers.Entry(url, username, password));
        }
        ConfiguredIceServers checked = ConfiguredIceServers.check(entries);
        // STUN servers ignore credentials; TURN ones were checked with them.
        List<IceServer> servers = checked.servers().stream()
                .map(s -> s.isTurn() ? s : new IceServer(s.url(), "", "")).toList();
        return new ConfiguredIceServers(servers, checked.problems());
    }
}
