package chat.free4.relay.ice;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;

/**
 * Builds the {@code iceServers} array of one {@code joined} message: the STUN servers as they are,
 * each TURN server with credentials minted for this peer now (so a re-join after a relay restart
 * or a takeover gets credentials that are valid for another full lifetime).
 */
public final class IceServerOffer {
    private final IceConfig config;
    private final Clock clock;

    public IceServerOffer(IceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public JsonArray forPeer(String peerId) {
        JsonArray servers = new JsonArray();
        for (String url : config.stun()) {
            JsonObject s = new JsonObject();
            s.addProperty("urls", url);
            servers.add(s);
        }
        if (!config.turn().isEmpty()) {
            long expires = clock.instant().getEpochSecond() + config.turnTtl().toSeconds();
            TurnCredentials credentials = TurnCredentials.issue(config.turnSecret(), peerId, expires);
            for (String url : config.turn()) {
                JsonObject s = new JsonObject();
                s.addProperty("urls", url);
                s.addProperty("username", credentials.username());
                s.addProperty("credential", credentials.credential());
                servers.add(s);
            }
        }
        return servers;
    }
}
