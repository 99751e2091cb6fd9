package chat.free4.ui.lobby;

/** What the lobby asks of the engine. Implementations must not block the FX thread. */
public interface LobbyActions {

    /** Asks the relay for its public rooms again; the answer arrives in the view model. */
    void refreshPublicRooms(String tag);

    /** Creates the room if it does not exist yet, then joins it (on the lobby's relay for a relay room). */
    void join(CreateRoomRequest request);

    /** The same, on {@code relay} (an invite's, which may differ from the lobby's); empty: none. */
    void join(CreateRoomRequest request, String relay);
}
