package chat.free4.ui.room.screen;

import chat.free4.ui.i18n.Texts;

import chat.free4.screen.SharedWindow;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * What "Share screen" shares: a small menu under the button with Texts.get("screen.whole") and this
 * display's windows by title. Choosing nothing (Escape, a click elsewhere) shares nothing.
 */
final class WindowChooser {
    private WindowChooser() {
    }

    /**
     * @param chosen called with the window, or empty for the whole screen
     * @param dismissed called when the menu closes without a choice
     */
    static ContextMenu show(Node under, List<SharedWindow> windows, Consumer<Optional<SharedWindow>> chosen, Runnable dismissed) {
        ContextMenu menu = new ContextMenu();
        menu.setId("share-chooser");
        boolean[] picked = {false};
        MenuItem whole = new MenuItem(Texts.get("screen.whole"));
        whole.setId("share-whole-screen");
        whole.setOnAction(e -> {
            picked[0] = true;
            chosen.accept(Optional.empty());
        });
        menu.getItems().add(whole);
        if (!windows.isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        for (SharedWindow window : windows) {
            MenuItem item = new MenuItem(window.label());
            item.getStyleClass().add("share-window-item");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                picked[0] = true;
                chosen.accept(Optional.of(window));
            });
            menu.getItems().add(item);
        }
        // Hidden is sent before the chosen item's action: decide once both have run.
        menu.setOnHidden(e -> javafx.application.Platform.runLater(() -> {
            if (!picked[0]) {
                dismissed.run();
            }
        }));
        menu.show(under, Side.BOTTOM, 0, 0);
        return menu;
    }
}
