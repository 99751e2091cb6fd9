package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the .deb built in this run the way dpkg would install it, then starts what it
 * installed. A .deb is only built on Linux, hence the OS condition.
 */
@EnabledOnOs(OS.LINUX)
class InstalledDebIT {
    private static final String INSTALL_DIR = "opt/free4chat";

    @TempDir
    static Path root;
    static Path deb;

    @BeforeAll
    static void installIntoTempRoot() throws Exception {
        Path installers = Path.of(System.getProperty("installers.dir"));
        try (Stream<Path> files = Files.list(installers)) {
            List<Path> debs = files.filter(p -> p.toString().endsWith(".deb")).toList();
            assertEquals(1, debs.size(), "exactly one .deb in " + installers + ": " + debs);
            deb = debs.get(0);
        }
        ProcessRun.run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Duration.ofMinutes(2))
                .assertSuccess("dpkg-deb -x");
    }

    @Test
    void packageDependsOnLibpulseForWebrtc() throws Exception {
        String depends = ProcessRun.run(List.of("dpkg-deb", "-f", deb.toString(), "Depends"), Duration.ofSeconds(30))
                .assertSuccess("dpkg-deb -f").output();
        assertTrue(depends.matches("(?s).*\\blibpulse0\\b.*"), "Depends: " + depends);
    }

    @Test
    void packageVersionComesFromThePom() throws Exception {
        String version = ProcessRun.run(List.of("dpkg-deb", "-f", deb.toString(), "Version"), Duration.ofSeconds(30))
                .assertSuccess("dpkg-deb -f").output().trim();
        assertTrue(version.startsWith(numericPomVersion() + "-"), "Version: " + version);
    }

    @Test
    void installedLauncherPrintsTheVersionAndExitsZero() throws Exception {
        ProcessRun run = ProcessRun.run(List.of(launcher().toString(), "--version"), Duration.ofSeconds(60))
                .assertSuccess("free4chat --version");
        assertTrue(run.output().contains(numericPomVersion()), "--version printed:\n" + run.output());
    }

    @Test
    void installedRuntimeLoadsEveryModuleTlsAndTheWebrtcNativeLibrary() throws Exception {
        Path java = root.resolve(INSTALL_DIR + "/lib/runtime/bin/java");
        String classPath = root.resolve(INSTALL_DIR + "/lib/app") + File.separator + "*"
                + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
        ProcessRun run = ProcessRun.run(List.of(java.toString(), "-cp", classPath,
                "chat.free4.packaging.probe.RuntimeProbe"), Duration.ofSeconds(90))
                .assertSuccess("runtime probe");
        assertTrue(run.output().contains("webrtc ok"), run.output());
    }

    @Test
    void menuEntryPointsAtTheInstalledLauncherAndIcon() throws Exception {
        Path desktop = root.resolve(INSTALL_DIR + "/lib/free4chat-free4chat.desktop");
        String entry = Files.readString(desktop);
        assertTrue(entry.contains("Exec=/" + INSTALL_DIR + "/bin/free4chat"), entry);
        assertTrue(entry.contains("Icon=/" + INSTALL_DIR + "/lib/free4chat.png"), entry);
        assertTrue(entry.contains("Categories=Network;AudioVideo;Telephony"), entry);
        BufferedImage icon = ImageIO.read(root.resolve(INSTALL_DIR + "/lib/free4chat.png").toFile());
        assertEquals(256, icon.getWidth());
    }

    private static Path launcher() throws IOException {
        Path launcher = root.resolve(INSTALL_DIR + "/bin/free4chat");
        assertTrue(Files.isExecutable(launcher), "launcher missing: " + launcher);
        return launcher;
    }

    static String numericPomVersion() {
        return System.getProperty("project.version").split("-", 2)[0];
    }
}
