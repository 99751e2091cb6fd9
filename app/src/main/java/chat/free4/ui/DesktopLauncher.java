package chat.free4.ui;

import javafx.application.Application;

/**
 * Starts the JavaFX app. A separate class because a main class that extends Application refuses
 * to start when JavaFX is on the class path instead of the module path.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        try {
            AppOptions.parse(java.util.List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        StartupWarmUp.begin();
        Application.launch(DesktopApp.class, args);
    }
}
