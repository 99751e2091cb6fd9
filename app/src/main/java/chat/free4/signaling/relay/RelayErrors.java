package chat.free4.signaling.relay;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;

/** Turns connection failures and relay error codes into sentences a person can act on. */
final class RelayErrors {
    /** Refusals of a join that retrying cannot fix. */
    static final Set<String> JOIN_REFUSALS = Set.of("room_full", "too_many_rooms", "name_taken", "peer_id_taken",
            "invalid_room_name", "invalid_name", "invalid_peer_id", "invalid_tags", "too_many_connections",
            "password_required", "wrong_password", "not_password_protected", "too_many_attempts",
            "password_rooms_unsupported");

    /** A relay of a cluster that cannot reach its shared store: a join is refused for now, not for good. */
    static final String CLUSTER_UNAVAILABLE = "cluster_unavailable";

    /** Refusals that name a time after which the same join can succeed ({@code retryAfter}). */
    static final Set<String> SEAT_RESERVATIONS = Set.of("peer_id_taken", "name_taken");

    private RelayErrors() {
    }

    static String connectFailure(URI relay, Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String where = relay.getHost() + (relay.getPort() > 0 ? ":" + relay.getPort() : "");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "The relay host \"" + relay.getHost() + "\" is unknown; check the address.";
            }
            if (t instanceof ConnectException) {
                return "The relay at " + where + " cannot be reached; is it running?";
            }
            if (t instanceof TimeoutException) {
                return "The relay at " + where + " did not answer in time.";
            }
            if (t instanceof UpgradeException upgrade) {
                return upgrade.getResponseStatusCode() == 404
                        ? "The server at " + where + " is not a free4chat relay for protocol v1 (" + relay.getPath() + " not found)."
                        : "The server at " + where + " refused the connection (HTTP " + upgrade.getResponseStatusCode() + ").";
            }
        }
        return "The connection to the relay at " + where + " failed.";
    }

    /** The relay's own sentence, or one of ours when it sent none. */
    static String sentence(String code, String message) {
        if (message != null && !message.isBlank()) {
            return message;
        }
        return switch (code) {
            case "room_full" -> "The room is full.";
            case "name_taken" -> "Someone in the room already uses this name.";
            case "too_many_rooms" -> "The relay has too many rooms right now; try again later.";
            case "rate_limited" -> "Too many messages to the relay; slowing down.";
            case CLUSTER_UNAVAILABLE -> "The relay cannot reach the store it shares rooms through right now.";
            default -> "The relay refused a request (" + code + ").";
        };
    }
}
