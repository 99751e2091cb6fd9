package chat.free4.session;

import chat.free4.board.BoardLimits;
import chat.free4.board.BoardListener;
import chat.free4.board.BoardOp;
import chat.free4.board.BoardRefusedException;
import chat.free4.board.BoardRenderer;
import chat.free4.board.BoardService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The room's whiteboard as the UI sees it (the board's service stays behind the session): draw,
 * take back and redo our own strokes, clear, show strokes in progress, and export the picture
 * every peer exports for the same strokes.
 */
public final class SessionBoard {
    private final BoardService board;

    public SessionBoard(BoardService board) {
        this.board = board;
    }

    public BoardLimits limits() {
        return board.board().limits();
    }

    /** @throws BoardRefusedException with the reason in words (too many points, off the board...) */
    public BoardOp.Stroke draw(int rgb, int width, boolean eraser, int[] xy) throws BoardRefusedException {
        return board.draw(rgb, width, eraser, xy);
    }

    public boolean undo() throws BoardRefusedException {
        return board.undo().isPresent();
    }

    public boolean redo() throws BoardRefusedException {
        return board.redo().isPresent();
    }

    public boolean canUndo() {
        return board.canUndo();
    }

    public boolean canRedo() {
        return board.canRedo();
    }

    public void clear() throws BoardRefusedException {
        board.clear();
    }

    public void preview(long key, int rgb, int width, boolean eraser, int[] xy) {
        board.preview(key, rgb, width, eraser, xy);
    }

    /** What to draw, in draw order. */
    public List<BoardOp.Stroke> visibleStrokes() {
        return board.board().visibleStrokes();
    }

    public void addListener(BoardListener listener) {
        board.addListener(listener);
    }

    public void removeListener(BoardListener listener) {
        board.removeListener(listener);
    }

    /** Writes the board as PNG: the same pixels on every peer with the same strokes. */
    public void exportPng(Path file) throws IOException {
        BoardRenderer.writePng(board.render(), file);
    }
}
