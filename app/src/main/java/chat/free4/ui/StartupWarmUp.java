package chat.free4.ui;

import org.slf4j.LoggerFactory;

/**
 * While JavaFX starts its toolkit on one core, a second thread does start-up work that does not
 * need it: sets up logging and loads the classes of the first screens. Saves wall-clock time on
 * multi-core machines; the work would otherwise happen later on the JavaFX thread.
 */
final class StartupWarmUp {
    private static final String[] FIRST_SCREEN_CLASSES = {
        "chat.free4.ui.settings.SettingsStore", "chat.free4.ui.settings.Settings", "com.google.gson.Gson",
        "chat.free4.ui.FirstRunView", "chat.free4.ui.MainWindow", "chat.free4.ui.lobby.LobbyView",
        "chat.free4.ui.room.RoomView", "chat.free4.ui.settings.SettingsView", "chat.free4.ui.EngineBridge",
        "atlantafx.base.theme.PrimerLight", "atlantafx.base.theme.PrimerDark", "org.kordamp.ikonli.javafx.FontIcon",
        "javafx.scene.control.skin.ButtonSkin", "javafx.scene.control.skin.LabelSkin",
        "javafx.scene.control.skin.TextFieldSkin", "javafx.scene.control.skin.ListViewSkin",
        "javafx.scene.control.skin.ToggleButtonSkin", "javafx.scene.control.skin.ScrollPaneSkin",
    };

    private StartupWarmUp() {
    }

    static void begin() {
        Thread thread = new Thread(StartupWarmUp::run, "startup-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        LoggerFactory.getILoggerFactory();
        ClassLoader loader = StartupWarmUp.class.getClassLoader();
        for (String name : FIRST_SCREEN_CLASSES) {
            try {
                Class.forName(name, false, loader); // load and verify only: no static initialisers run here
            } catch (ClassNotFoundException | LinkageError e) {
                // Only a head start: whatever is missing is loaded (and reported) where it is used.
            }
        }
    }
}
