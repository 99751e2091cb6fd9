package chat.free4.peer;

/** How the WebRTC connection to one remote peer stands, with words a person understands. */
public enum PeerConnectionStatus {
    NEW("waiting"),
    CONNECTING("connecting"),
    CONNECTED("connected"),
    RECONNECTING("reconnecting"),
    FAILED("connection failed"),
    CLOSED("left");

    private final String words;

    PeerConnectionStatus(String words) {
        this.words = words;
    }

    /** A short phrase for the UI and the command line, e.g. "connecting". */
    public String words() {
        return words;
    }
}
