package chat.free4.signaling;

import java.util.ArrayList;
import java.util.List;

/**
 * The STUN/TURN servers a person configured (Settings, {@code --ice-server}), checked one by one:
 * the good ones are used, each bad one becomes a sentence saying why it was left out. Nothing
 * here throws, so no entry can stop a join or reach webrtc-java unchecked.
 */
public record ConfiguredIceServers(List<IceServer> servers, List<String> problems) {
    public ConfiguredIceServers {
        servers = List.copyOf(servers);
        problems = List.copyOf(problems);
    }

    /** One entry as given: a URL and, for TURN, its username and password. */
    public record Entry(String url, String username, String password) {

        /** What is wrong with this server, in a sentence; empty when it can be used. */
        public java.util.Optional<String> problem() {
            try {
                IceServerCheck.check(url, username, password);
                return java.util.Optional.empty();
            } catch (IllegalArgumentException bad) {
                return java.util.Optional.of(bad.getMessage());
            }
        }
    }

    public static ConfiguredIceServers check(List<Entry> entries) {
        List<IceServer> ok = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            try {
                ok.add(IceServerCheck.check(e.url(), e.username(), e.password()));
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage() + " It was left out.");
            }
        }
        return new ConfiguredIceServers(ok, problems);
    }

    /** STUN URLs without credentials. */
    public static List<Entry> urls(List<String> urls) {
        return urls.stream().map(u -> new Entry(u, "", "")).toList();
    }
}
