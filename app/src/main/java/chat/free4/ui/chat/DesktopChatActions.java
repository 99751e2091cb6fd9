package chat.free4.ui.chat;

import chat.free4.ui.i18n.Texts;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link ChatPaneActions} with the system's file dialogs; links go to {@code browser}. */
public final class DesktopChatActions implements ChatPaneActions {
    private final Supplier<Window> owner;
    private final Consumer<String> browser;

    /** @param browser usually {@code url -> application.getHostServices().showDocument(url)} */
    public DesktopChatActions(Supplier<Window> owner, Consumer<String> browser) {
        this.owner = owner;
        this.browser = browser;
    }

    @Override
    public void openLink(String url) {
        browser.accept(url);
    }

    @Override
    public Optional<Path> chooseSaveTarget(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("chat.saveFileTitle"));
        chooser.setInitialFileName(suggestedName);
        return path(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseFileToShare() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("chat.shareFileTitle"));
        return path(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseTranscriptTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("chat.saveTranscriptTitle"));
        chooser.setInitialFileName("chat-transcript.txt");
        return path(chooser.showSaveDialog(owner.get()));
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
