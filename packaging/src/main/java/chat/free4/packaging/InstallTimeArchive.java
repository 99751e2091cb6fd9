package chat.free4.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Linux packages' second archive step: ships the start-up class list and the script that
 * rebuilds the runtime's class-data archive with the app's own classes once the install location
 * is known, and the .deb maintainer script that runs it (jpackage's postinst plus one line).
 */
final class InstallTimeArchive {
    static final String SCRIPT = "make-startup-archive.sh";
    static final String CLASS_LIST = "startup.classlist";
    /** Where jpackage's .deb puts the app (its default install dir plus the app name). */
    static final String DEB_APP_DIR = "/opt/" + AppIdentity.NAME;

    /** Adds the class list and the script to the app's jar directory (lib/app once installed). */
    void stage(Path classList, Path appJars) {
        try {
            Files.copy(classList, appJars.resolve(CLASS_LIST), StandardCopyOption.REPLACE_EXISTING);
            Path script = appJars.resolve(SCRIPT);
            Files.writeString(script, BuildResources.text(SCRIPT));
            script.toFile().setExecutable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the start-up archive script in " + appJars, e);
        }
    }

    /** A jpackage resource directory whose postinst also builds the archive; jpackage fills in the rest. */
    Path debResources(Path work) {
        Path dir = work.resolve("deb-resources");
        Files2.deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("postinst"), BuildResources.text("deb/postinst").replace("@APP_DIR@", DEB_APP_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the .deb resources in " + dir, e);
        }
        return dir;
    }
}
