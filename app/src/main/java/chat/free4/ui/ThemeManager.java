package chat.free4.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import chat.free4.ui.settings.Theme;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Applies the AtlantaFX theme (Primer light or dark) plus the app's small stylesheet, which only
 * uses the theme's colour variables so both looks stay consistent.
 */
public final class ThemeManager {
    private static final String APP_CSS = Objects.requireNonNull(
            ThemeManager.class.getResource("app.css"), "app.css is missing").toExternalForm();

    private ThemeManager() {
    }

    public static void apply(Theme theme, Scene scene) {
        // The precompiled (binary) form of the theme: parsing its 170 KB of CSS text slowed the start.
        Application.setUserAgentStylesheet(theme == Theme.LIGHT
                ? new PrimerLight().getUserAgentStylesheetBSS()
                : new PrimerDark().getUserAgentStylesheetBSS());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(theme == Theme.LIGHT ? "theme-light" : "theme-dark");
    }
}
