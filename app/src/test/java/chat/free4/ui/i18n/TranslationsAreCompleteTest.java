package chat.free4.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Walks every bundle: same keys in every language, no empty text, the same arguments. */
class TranslationsAreCompleteTest {
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern KEY_IN_SOURCE = Pattern.compile("Texts\\.get\\(\\s*\"([^\"]+)\"");

    @Test
    void everyLanguageHasEveryKeyWithTheSameArguments() throws IOException {
        Properties english = bundle("messages.properties");
        for (String tag : Texts.LANGUAGES.subList(1, Texts.LANGUAGES.size())) {
            Properties other = bundle("messages_" + tag.replace('-', '_') + ".properties");
            assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()),
                    "keys of " + tag);
            for (String key : english.stringPropertyNames()) {
                String text = other.getProperty(key);
                assertTrue(!text.isBlank(), tag + " " + key + " is empty");
                assertEquals(new MessageFormat(english.getProperty(key)).getFormats().length,
                        new MessageFormat(text).getFormats().length, tag + " " + key + " arguments");
            }
        }
    }

    @Test
    void everyApostropheIsWrittenTwice() throws IOException {
        Set<String> lone = new TreeSet<>();
        for (String tag : Texts.LANGUAGES) {
            Properties p = bundle(tag.equals("en") ? "messages.properties"
                    : "messages_" + tag.replace('-', '_') + ".properties");
            for (String key : p.stringPropertyNames()) {
                if (LONE_APOSTROPHE.matcher(p.getProperty(key)).find()) {
                    lone.add(tag + " " + key);
                }
            }
        }
        // MessageFormat would swallow a single one (and quote what follows it).
        assertEquals(Set.of(), lone);
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY_IN_SOURCE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!english.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void theChosenLanguageIsUsedAndTheSystemsOtherwise() {
        try {
            Texts.use("zh-CN");
            assertEquals("zh", Texts.locale().getLanguage());
            Texts.use("en");
            assertEquals("en", Texts.locale().getLanguage());
        } finally {
            Texts.use("");
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is on the class path");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
