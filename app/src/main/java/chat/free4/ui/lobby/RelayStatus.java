package chat.free4.ui.lobby;

/** What the lobby knows about the relay, each with the words shown to the person. */
public enum RelayStatus {
    NOT_CONFIGURED,
    CONNECTING,
    ONLINE,
    UNREACHABLE
}
