package chat.free4.ui.settings;

/** The two looks the app offers. */
public enum Theme {
    LIGHT,
    DARK
}
