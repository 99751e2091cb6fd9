package chat.free4.ui.diagnostics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder of the log and crash reports, and how to show it to the person. */
public record LogsFolder(Path directory, FileOpener opener) {
    /** Opens the folder (made first, so a file manager never says it is missing). */
    public void open() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            // The file manager says so in its own words; there is nothing better to show here.
        }
        opener.open(directory);
    }
}
