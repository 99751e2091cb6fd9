package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards jlink.conf: when a new dependency needs a JDK module the trimmed runtime lacks, this
 * fails with the module's name instead of the installed app failing on someone's desktop.
 */
class RuntimeModulesCoverJdepsIT {
    private final Path work = Path.of(System.getProperty("installers.work"));

    @Test
    void runtimeImageHoldsEveryModuleJdepsFindsInTheAppJars() throws Exception {
        Set<String> needed = jdepsModules();
        Set<String> inImage = imageModules();
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(inImage);
        assertTrue(missing.isEmpty(), "add to --add-modules in jlink.conf: " + missing
                + " (jdeps found " + needed + ")");
    }

    private Set<String> jdepsModules() throws Exception {
        List<Path> jars;
        try (Stream<Path> files = Files.list(work.resolve("input"))) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        String javafx;
        try (Stream<Path> files = Files.list(work.resolve("deps"))) {
            javafx = files.filter(p -> p.getFileName().toString().matches("javafx-.*-.*-.*\\.jar"))
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--ignore-missing-deps",
                "--print-module-deps", "--module-path", javafx, "--add-modules", "javafx.controls",
                "--class-path", jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        jars.forEach(j -> args.add(j.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertTrue(rc == 0, "jdeps failed: " + out + err);
        String lastLine = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        return new TreeSet<>(Arrays.asList(lastLine.trim().split(",")));
    }

    private Set<String> imageModules() throws Exception {
        String release = Files.readString(work.resolve("runtime/release"));
        String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow()
                .substring("MODULES=".length()).replace("\"", "");
        return new TreeSet<>(Arrays.asList(modules.trim().split("\\s+")));
    }
}
