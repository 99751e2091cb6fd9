package chat.free4.ui.chat;

import java.nio.file.Path;
import java.util.Optional;

/** What the chat pane asks of the desktop: open a link, pick files. The room view supplies it. */
public interface ChatPaneActions {

    void openLink(String url);

    /** Where to save an offered file; empty if the person cancelled the dialog. */
    Optional<Path> chooseSaveTarget(String suggestedName);

    /** Which file to share; empty if cancelled. */
    Optional<Path> chooseFileToShare();

    /** Where to save the chat transcript; empty if cancelled. */
    Optional<Path> chooseTranscriptTarget();
}
