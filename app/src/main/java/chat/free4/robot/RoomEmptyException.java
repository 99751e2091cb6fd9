package chat.free4.robot;

/** Everyone left the room: the game ends and the host leaves too. */
public final class RoomEmptyException extends RuntimeException {
    public RoomEmptyException() {
        super("Everyone left the room.");
    }
}
