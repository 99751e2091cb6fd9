package chat.free4.ui.room;

/** How the link to one participant stands, as the person sees it. */
public enum ConnectionState {
    CONNECTING("Connecting…"),
    CONNECTED("Connected"),
    RECONNECTING("Reconnecting…"),
    FAILED("Connection failed");

    private final String words;

    ConnectionState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
