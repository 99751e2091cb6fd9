package chat.free4.session;

import chat.free4.board.BoardService;
import chat.free4.data.AppDataService;
import chat.free4.peer.PeerInfo;

/**
 * One joined room's features, fresh for this room: nothing of its chat or transfers outlives it.
 *
 * @param app application data by topic (robot games)
 * @param board the room's shared whiteboard
 */
public record SessionRoom(PeerInfo self, SessionChat chat, SessionFiles files, AppDataService app, BoardService board) {

    /** The whiteboard for the UI (which reaches the engine only through the session). */
    public SessionBoard whiteboard() {
        return new SessionBoard(board);
    }
}
