package chat.free4.ui.widgets;

import chat.free4.ui.i18n.Texts;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Gives a control the words a screen reader says for it, from the bundles (issue 19). An icon
 * alone says nothing to someone who cannot see it, so icon-only controls get a name and the same
 * words as a tooltip from one key; controls without a visible label (a slider, a field with only a
 * prompt) get a name.
 */
public final class Described {
    private Described() {
    }

    /** An icon-only control: the key's text is both its accessible name and its tooltip. */
    public static <T extends Control> T iconOnly(T control, String key, Object... args) {
        String words = Texts.get(key, args);
        control.setAccessibleText(words);
        control.setTooltip(new Tooltip(words));
        return control;
    }

    /** An icon-only control whose tooltip says more than its name (the shortcut, say). */
    public static <T extends Control> T iconOnlyWithTip(T control, String nameKey, String tooltipKey) {
        control.setAccessibleText(Texts.get(nameKey));
        control.setTooltip(new Tooltip(Texts.get(tooltipKey)));
        return control;
    }

    /** A control without a visible label (a field, a slider): the key's text is its accessible name. */
    public static <T extends Control> T named(T control, String key, Object... args) {
        control.setAccessibleText(Texts.get(key, args));
        return control;
    }
}
