package chat.free4.cli;

import chat.free4.board.BoardLimits;
import chat.free4.board.BoardRefusedException;
import chat.free4.board.BoardRenderer;
import chat.free4.board.BoardService;
import chat.free4.board.StrokeScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The command line's whiteboard: {@code --draw FILE} replays a strokes file on the room's board
 * (within the board's live rate), {@code --save-board FILE.png} writes the board as it is when
 * leaving: the same pixels every peer's export gives.
 */
final class BoardConsole implements AutoCloseable {
    private final BoardService board;
    private final ConsoleReporter reporter;
    private final Path saveTo;
    private final Thread replay;

    private BoardConsole(BoardService board, ConsoleReporter reporter, StrokeScript script, Path saveTo) {
        this.board = board;
        this.reporter = reporter;
        this.saveTo = saveTo;
        this.replay = script == null ? null : new Thread(() -> replay(script), "board-replay");
    }

    /** Read before joining, so a wrong file costs no join; null without {@code --draw}. */
    static StrokeScript check(Path draw, Path saveBoard) {
        if (saveBoard != null && (saveBoard.getParent() != null && !Files.isDirectory(saveBoard.getParent()))) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "There is no folder " + saveBoard.getParent() + " to save the board into.");
        }
        if (draw == null) {
            return null;
        }
        try {
            return StrokeScript.read(draw, BoardLimits.DEFAULT);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "There is no strokes file " + draw + ".");
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, "Could not read the strokes file " + draw + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.BAD_ARGUMENTS, e.getMessage());
        }
    }

    static BoardConsole start(BoardService board, ConsoleReporter reporter, StrokeScript script, Path saveTo) {
        BoardConsole console = new BoardConsole(board, reporter, script, saveTo);
        if (console.replay != null) {
            console.replay.setDaemon(true);
            console.replay.start();
        }
        return console;
    }

    private void replay(StrokeScript script) {
        int rate = (int) BoardLimits.DEFAULT.liveOpsPerSecond();
        try {
            // Half the peers' burst and most of their rate: a replay is never refused as a flood.
            int done = script.replay(board, StrokeScript.Pacer.of(rate * 5, rate * 0.8));
            reporter.line("drew the strokes file: " + board.board().size() + " operations on the board (" + done + " lines)");
        } catch (BoardRefusedException e) {
            reporter.problem("The board refused a stroke of the file: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (replay != null) {
            replay.interrupt();
        }
        if (saveTo == null) {
            return;
        }
        try {
            BoardRenderer.writePng(board.render(), saveTo);
            reporter.line("saved the board to " + saveTo + " (" + board.board().size() + " operations, hash "
                    + board.board().hash().substring(0, 16) + ")");
        } catch (IOException e) {
            reporter.problem("Could not save the board to " + saveTo + ": " + e.getMessage());
        }
    }
}
