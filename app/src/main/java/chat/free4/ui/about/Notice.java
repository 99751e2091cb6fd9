package chat.free4.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The repository's NOTICE (third-party licences), which the build copies into the app jar. */
public final class Notice {
    static final String RESOURCE = "/chat/free4/ui/about/NOTICE";

    private Notice() {
    }

    /** The NOTICE text, or empty if this build lacks it. */
    public static Optional<String> text() {
        try (InputStream in = Notice.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
