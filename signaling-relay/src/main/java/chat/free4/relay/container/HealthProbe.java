package chat.free4.relay.container;

import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/** Asks the relay in this container for {@code GET /healthz} over loopback. */
final class HealthProbe {
    private static final int TIMEOUT_MILLIS = 2000;
    private final URI uri;

    HealthProbe(URI uri) {
        this.uri = uri;
    }

    /** Same port resolution as the relay itself: RELAY_PORT, then PORT, then the relay's default. */
    static HealthProbe fromEnvironment(Map<String, String> env) {
        String port = firstNonBlank(env.get("RELAY_PORT"), env.get("PORT"), "8443");
        return new HealthProbe(URI.create("http://127.0.0.1:" + port.trim() + "/healthz"));
    }

    boolean check(PrintStream out) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            connection.disconnect();
            out.println(uri + " answered " + status);
            return status == 200;
        } catch (IOException e) {
            out.println(uri + " did not answer: " + e.getMessage());
            return false;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new IllegalStateException("unreachable: the last value is a constant");
    }
}
