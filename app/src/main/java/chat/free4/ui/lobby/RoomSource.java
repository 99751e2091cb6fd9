package chat.free4.ui.lobby;

/** Where a room lives: found on this network over mDNS, or listed by the relay. */
public enum RoomSource {
    LAN,
    RELAY
}
