package chat.free4.ui;

import java.util.Set;

/** Which engine and relay errors end a join (back to the lobby) and which are notices told in the room. */
final class EngineErrors {
    /**
     * Told in the room, never ending it: the relay went away for a while, an ICE server is wrong,
     * one person's connection failed the password proof (the others stay connected).
     */
    private static final Set<String> NOTICES = Set.of("unreachable", "bad_ice_server", "peer_unverified");

    private EngineErrors() {
    }

    /** True when {@code code} means the room could not be joined: it is left and the lobby says why. */
    static boolean endsTheJoin(String code, boolean inTheRoomAlready) {
        return !inTheRoomAlready && !NOTICES.contains(code);
    }
}
