package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The .deb this build made, and installing it the way dpkg unpacks it (no maintainer scripts). */
final class BuiltDeb {
    static final String INSTALL_DIR = "opt/free4chat";

    private BuiltDeb() {
    }

    static Path find() throws Exception {
        Path installers = Path.of(System.getProperty("installers.dir"));
        try (Stream<Path> files = Files.list(installers)) {
            List<Path> debs = files.filter(p -> p.toString().endsWith(".deb")).toList();
            assertEquals(1, debs.size(), "exactly one .deb in " + installers + ": " + debs);
            return debs.get(0);
        }
    }

    static void unpack(Path deb, Path root) throws Exception {
        ProcessRun.run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Duration.ofMinutes(2))
                .assertSuccess("dpkg-deb -x");
    }

    /** The maintainer scripts (postinst, prerm, ...) into {@code dir}. */
    static void controlFiles(Path deb, Path dir) throws Exception {
        ProcessRun.run(List.of("dpkg-deb", "-e", deb.toString(), dir.toString()), Duration.ofMinutes(1))
                .assertSuccess("dpkg-deb -e");
    }
}
