package chat.free4.ui.widgets;

import javafx.css.PseudoClass;

/** Pseudo classes shared by views and app.css. */
public final class Styling {
    public static final PseudoClass SPEAKING = PseudoClass.getPseudoClass("speaking");
    public static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");

    private Styling() {
    }
}
