package chat.free4.board;

/** An operation or frame the board does not take; the message says why, without its content. */
public final class BoardRefusedException extends Exception {
    public BoardRefusedException(String reason) {
        super(reason);
    }
}
