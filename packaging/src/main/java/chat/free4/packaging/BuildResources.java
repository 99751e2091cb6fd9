package chat.free4.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text files shipped with the installer build (scripts, maintainer-script templates). */
final class BuildResources {
    private BuildResources() {
    }

    static String text(String name) {
        try (InputStream in = BuildResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing build resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the build resource " + name, e);
        }
    }
}
