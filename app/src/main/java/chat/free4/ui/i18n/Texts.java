package chat.free4.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word the desktop shows comes from here: {@code messages.properties} (English) and its
 * translations beside it. The language is the person's choice in Settings, else the system's.
 * Keys are dotted by screen ({@code room.leave}, {@code lobby.create}); arguments follow
 * {@link MessageFormat} ({@code {0}}), so an apostrophe is written {@code ''} in every text.
 */
public final class Texts {
    private static final String BUNDLE = "chat.free4.ui.i18n.messages";
    /** The languages shipped, as language tags; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "zh-CN");

    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private Texts() {
    }

    /** Switches the language: a tag from {@link #LANGUAGES}, or empty for the system's. */
    public static void use(String languageTag) {
        bundle = load(languageTag == null || languageTag.isBlank() ? Locale.getDefault()
                : Locale.forLanguageTag(languageTag));
    }

    public static Locale locale() {
        Locale l = bundle.getLocale();
        return l.getLanguage().isEmpty() ? Locale.ENGLISH : l;
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug the bundle test catches; the person still sees something sane.
            return key;
        }
        // Always through MessageFormat, so every text follows one rule: an apostrophe is written ''.
        return new MessageFormat(pattern, locale()).format(args);
    }

    static ResourceBundle load(Locale locale) {
        // English is the base bundle; never fall back to the JVM's default locale for a missing one.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
