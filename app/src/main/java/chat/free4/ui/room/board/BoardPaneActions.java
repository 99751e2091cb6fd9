package chat.free4.ui.room.board;

import java.nio.file.Path;
import java.util.Optional;

/** What the board pane asks the person: where to export, whether to clear. Tests answer themselves. */
public interface BoardPaneActions {

    Optional<Path> chooseExportTarget();

    /** Clearing removes everyone's strokes for everyone: ask first. */
    boolean confirmClear();
}
