package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where things are inside a jlink'd runtime image, which differs by OS. */
final class RuntimeLayout {
    private RuntimeLayout() {
    }

    static Path java(Path runtime) {
        return runtime.resolve("bin").resolve(Platform.current() == Platform.WINDOWS ? "java.exe" : "java");
    }

    /** The JVM's default class-data archive: next to the JVM library (lib/server or bin/server). */
    static Path defaultClassArchive(Path runtime) {
        try (Stream<Path> files = Files.walk(runtime)) {
            Path jvm = files.filter(p -> p.getFileName().toString().matches("(lib)?jvm\\.(so|dll|dylib)"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No JVM library in the runtime image " + runtime));
            return jvm.resolveSibling("classes.jsa");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look into the runtime image " + runtime, e);
        }
    }
}
