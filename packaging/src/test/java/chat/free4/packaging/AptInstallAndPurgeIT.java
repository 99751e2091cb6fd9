package chat.free4.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the real {@code apt-get install} and {@code apt-get purge} of the .deb this build made,
 * on this machine, as root (CI's fresh Debian 12). The package must configure without a desktop
 * (no writable menu directory is needed), put {@code free4chat} on the PATH, and leave nothing
 * behind when purged.
 */
class AptInstallAndPurgeIT {
    private static final List<String> PACKAGE_PATHS = List.of("/opt/free4chat", "/" + DebPackageFiles.DESKTOP_FILE,
            "/" + DebPackageFiles.COMMAND_LINK, "/" + DebPackageFiles.iconPath(256));

    @Test
    void installsRunsAndPurgesLeavingNothingBehind() throws Exception {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
        if ((!asRoot || !apt) && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI runs as root on Debian: this test installs the package with apt-get");
        }
        Assumptions.assumeTrue(asRoot && apt, "needs root and apt-get: it installs and purges the real package");
        Assumptions.assumeFalse(known(), "free4chat is already installed here; this test would remove it");
        Path deb = BuiltDeb.find();
        Duration slow = Duration.ofMinutes(5);
        try {
            ProcessRun install = ProcessRun.run(List.of("apt-get", "install", "-y", "--no-install-recommends",
                    deb.toAbsolutePath().toString()), java.util.Map.of("DEBIAN_FRONTEND", "noninteractive"), slow);
            install.assertSuccess("apt-get install ./" + deb.getFileName());
            assertTrue(installed(), "dpkg says the package is installed and configured");
            for (String path : PACKAGE_PATHS) {
                assertTrue(Files.exists(Path.of(path)), path + " was installed");
            }
            String version = ProcessRun.run(List.of("free4chat", "--version"), Duration.ofMinutes(1))
                    .assertSuccess("free4chat --version from the PATH").output();
            assertTrue(version.contains(InstalledDebIT.numericPomVersion()), version);
        } finally {
            ProcessRun purge = ProcessRun.run(List.of("apt-get", "purge", "-y", "free4chat"),
                    java.util.Map.of("DEBIAN_FRONTEND", "noninteractive"), slow);
            purge.assertSuccess("apt-get purge free4chat");
        }
        assertFalse(installed(), "the package is gone");
        assertEquals("", ProcessRun.run(List.of("dpkg-query", "-W", "-f", "${Status}", "free4chat"),
                Duration.ofSeconds(30)).output().replace("dpkg-query: no packages found matching free4chat", "").trim());
        List<String> left = new ArrayList<>();
        for (String path : PACKAGE_PATHS) {
            if (Files.exists(Path.of(path), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                left.add(path);
            }
        }
        assertEquals(List.of(), left, "purge left files behind");
    }

    /** dpkg knows the package in any state but "not installed". */
    private static boolean known() throws Exception {
        ProcessRun status = ProcessRun.run(List.of("dpkg-query", "-W", "-f", "${Status}", "free4chat"),
                Duration.ofSeconds(30));
        return status.exitCode() == 0 && !status.output().contains("not-installed");
    }

    private static boolean installed() throws Exception {
        ProcessRun status = ProcessRun.run(List.of("dpkg-query", "-W", "-f", "${Status}", "free4chat"),
                Duration.ofSeconds(30));
        return status.exitCode() == 0 && status.output().contains("install ok installed");
    }
}
