package chat.free4.ui.diagnostics;

import java.nio.file.Path;
import javafx.application.HostServices;

/** Opens a file or a folder the way the desktop does (its file manager, its text viewer). */
public interface FileOpener {
    void open(Path path);

    /**
     * Through JavaFX's host services, which on Linux run {@code xdg-open} (no AWT, which this app
     * does not load): a folder opens in the file manager, a report in the text viewer.
     */
    static FileOpener with(HostServices host) {
        return path -> host.showDocument(path.toAbsolutePath().toUri().toString());
    }
}
