package chat.free4.ui.room;

import chat.free4.ui.i18n.Texts;

/** How the link to one participant stands, as the person sees it. */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    RECONNECTING,
    FAILED;

    /** In the chosen language, looked up when shown (the enum is built before Texts.use may run). */
    public String words() {
        return switch (this) {
            case CONNECTING -> Texts.get("room.link.connecting");
            case CONNECTED -> Texts.get("room.link.connected");
            case RECONNECTING -> Texts.get("room.link.reconnecting");
            case FAILED -> Texts.get("room.link.failed");
        };
    }
}
