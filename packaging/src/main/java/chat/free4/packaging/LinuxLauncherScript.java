package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces jpackage's native Linux launcher with a script that starts the same JVM from the same
 * configuration. The native launcher (JDK 17 and still in 25) runs {@code rpm -qf} and
 * {@code dpkg -S} on itself at every start to find its package: measured 0.35 s of a 0.72 s
 * {@code --version} here, more on desktops with thousands of packages.
 */
final class LinuxLauncherScript {
    private static final String RESOURCE = "linux-launcher.sh";

    void replaceLauncher(Path appImage) {
        Path launcher = appImage.resolve("bin").resolve(AppIdentity.NAME);
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("jpackage made no launcher at " + launcher);
        }
        try {
            Files.writeString(launcher, BuildResources.text(RESOURCE));
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the launcher " + launcher, e);
        }
    }
}
