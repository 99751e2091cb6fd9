package chat.free4.packaging;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the trimmed Java runtime (JDK modules + JavaFX) with the options kept in jlink.conf. */
final class RuntimeImageBuilder {
    private final JdkTool jlink = new JdkTool("jlink");

    Path build(Path jlinkConf, List<Path> javafxModules, Path output) {
        List<String> args = new ArrayList<>(JlinkOptionsFile.read(jlinkConf));
        args.add("--module-path");
        args.add(javafxModules.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        if (Platform.current() == Platform.LINUX) {
            // Linux-only jlink plugin (needs objcopy); the JDK's native libraries carry symbols.
            args.add("--strip-native-debug-symbols=exclude-debuginfo-files");
        }
        args.add("--output");
        args.add(output.toString());
        Files2.deleteRecursively(output);
        jlink.run(args);
        return output;
    }
}
