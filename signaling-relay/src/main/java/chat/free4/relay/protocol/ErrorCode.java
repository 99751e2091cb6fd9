package chat.free4.relay.protocol;

/** The machine-readable codes of {@code error} messages (docs/PROTOCOL.md, "Error codes"). */
public enum ErrorCode {
    BAD_JSON("bad_json"),
    BAD_MESSAGE("bad_message"),
    UNKNOWN_TYPE("unknown_type"),
    INVALID_ROOM_NAME("invalid_room_name"),
    INVALID_NAME("invalid_name"),
    INVALID_PEER_ID("invalid_peer_id"),
    INVALID_TAGS("invalid_tags"),
    ALREADY_JOINED("already_joined"),
    NOT_JOINED("not_joined"),
    ROOM_FULL("room_full"),
    TOO_MANY_ROOMS("too_many_rooms"),
    NAME_TAKEN("name_taken"),
    PEER_ID_TAKEN("peer_id_taken"),
    UNKNOWN_PEER("unknown_peer"),
    SIGNAL_TOO_LARGE("signal_too_large"),
    PASSWORD_REQUIRED("password_required"),
    WRONG_PASSWORD("wrong_password"),
    NOT_PASSWORD_PROTECTED("not_password_protected"),
    TOO_MANY_ATTEMPTS("too_many_attempts"),
    RATE_LIMITED("rate_limited"),
    FRAME_TOO_LARGE("frame_too_large"),
    TOO_MANY_CONNECTIONS("too_many_connections"),
    IDLE_TIMEOUT("idle_timeout"),
    SHUTTING_DOWN("shutting_down"),
    SESSION_REPLACED("session_replaced"),
    SLOW_CONSUMER("slow_consumer"),
    /** A relay of a cluster cannot reach the store its instances share rooms through (decision 0026). */
    CLUSTER_UNAVAILABLE("cluster_unavailable"),
    INTERNAL_ERROR("internal_error");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The code as it appears on the wire. */
    public String wire() {
        return wire;
    }
}
