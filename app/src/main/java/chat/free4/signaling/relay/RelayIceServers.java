package chat.free4.signaling.relay;

import chat.free4.signaling.IceServer;
import chat.free4.signaling.IceServerCheck;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code joined.iceServers} (docs/PROTOCOL.md). The relay is not trusted with the native
 * code: every entry goes through {@link IceServerCheck}, the list is bounded, and anything odd is
 * dropped with a sentence instead of ending the join.
 */
final class RelayIceServers {
    /** More servers only lengthen ICE gathering; a relay sends a handful. */
    static final int MAX_SERVERS = 8;
    /** Both mean "one URL"; an array may carry a few alternatives. */
    private static final int MAX_URLS_PER_ENTRY = 4;

    /** What was accepted, and a sentence for each entry that was not. */
    record Result(List<IceServer> servers, List<String> problems) {
        /**
         * The earliest EXPIRY (Unix seconds) among TURN usernames of the coturn REST form
         * {@code EXPIRY:PEERID}; empty when there is none (no TURN, or credentials of another kind).
         */
        java.util.OptionalLong earliestExpiry() {
            return servers.stream().filter(IceServer::isTurn).map(s -> EXPIRY.matcher(s.username()))
                    .filter(java.util.regex.Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).min();
        }
    }

    private static final java.util.regex.Pattern EXPIRY = java.util.regex.Pattern.compile("^(\\d{1,12}):");

    private RelayIceServers() {
    }

    static Result read(JsonObject joined) {
        List<IceServer> servers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonElement field = joined.get("iceServers");
        if (field == null || field.isJsonNull()) {
            return new Result(servers, problems);
        }
        if (!field.isJsonArray()) {
            problems.add("The relay's list of STUN/TURN servers is not a list; it was ignored.");
            return new Result(servers, problems);
        }
        JsonArray array = field.getAsJsonArray();
        int index = 0;
        for (JsonElement entry : array) {
            index++;
            if (servers.size() >= MAX_SERVERS) {
                problems.add("The relay offered " + array.size() + " STUN/TURN servers; only the first " + MAX_SERVERS
                        + " usable ones are used.");
                break;
            }
            try {
                readEntry(entry, servers);
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                problems.add("The relay's STUN/TURN server " + index + " was ignored: " + e.getMessage());
            }
        }
        return new Result(servers, problems);
    }

    private static void readEntry(JsonElement entry, List<IceServer> into) {
        if (!entry.isJsonObject()) {
            throw new IllegalArgumentException("it is not an object.");
        }
        JsonObject o = entry.getAsJsonObject();
        String username = optionalString(o, "username");
        String credential = optionalString(o, "credential");
        JsonElement urls = o.get("urls");
        List<String> list = new ArrayList<>();
        if (urls != null && urls.isJsonPrimitive() && urls.getAsJsonPrimitive().isString()) {
            list.add(urls.getAsString());
        } else if (urls != null && urls.isJsonArray() && urls.getAsJsonArray().size() <= MAX_URLS_PER_ENTRY) {
            for (JsonElement u : urls.getAsJsonArray()) {
                if (!u.isJsonPrimitive() || !u.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("its urls are not text.");
                }
                list.add(u.getAsString());
            }
        } else {
            throw new IllegalArgumentException("it has no urls (one text, or a list of at most " + MAX_URLS_PER_ENTRY + ").");
        }
        for (String url : list) {
            if (into.size() < MAX_SERVERS) {
                into.add(IceServerCheck.check(url, username, credential));
            }
        }
    }

    private static String optionalString(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("its " + field + " is not text.");
        }
        return e.getAsString();
    }
}
