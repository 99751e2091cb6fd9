package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The app's runtime jars, split the way the installer needs them: JavaFX's modular platform jars
 * go into the jlink'd runtime image; everything else stays on the application class path.
 */
record AppInputs(List<Path> javafxModules, List<Path> classPath) {

    static AppInputs scan(Path dependencyDir) {
        List<Path> javafx = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        try (Stream<Path> files = Files.list(dependencyDir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                if (!jar.getFileName().toString().startsWith("javafx-")) {
                    classPath.add(jar);
                } else if (hasModuleInfo(jar)) {
                    javafx.add(jar);
                }
                // Maven's classifier-less javafx-*.jar are empty shells that only pull in the
                // platform jar; they are left out entirely.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the app's dependencies in " + dependencyDir, e);
        }
        if (javafx.isEmpty()) {
            throw new IllegalStateException("No JavaFX platform jars in " + dependencyDir
                    + ": the runtime image would have no UI toolkit.");
        }
        return new AppInputs(List.copyOf(javafx), List.copyOf(classPath));
    }

    private static boolean hasModuleInfo(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("module-info.class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
