package chat.free4.signaling;

/** Where a signaling transport stands. */
public enum SignalingState {
    CONNECTING,
    JOINED,
    RECONNECTING,
    CLOSED
}
